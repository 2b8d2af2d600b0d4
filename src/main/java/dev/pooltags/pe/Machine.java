package dev.pooltags.pe;

/**
 * The COFF machine types a driver folder can hold. Only x86, x64 and ARM64 code is decoded; the others are
 * named so a report can say what a file is instead of guessing at its code.
 */
public enum Machine {
    X86(0x014C, "x86", true),
    X64(0x8664, "x64", true),
    ARM64(0xAA64, "ARM64", true),
    IA64(0x0200, "IA-64", false),
    ARM(0x01C0, "ARM", false),
    ARMNT(0x01C4, "ARM (Thumb-2)", false),
    EBC(0x0EBC, "EFI byte code", false),
    ARM64EC(0xA641, "ARM64EC", false),
    UNKNOWN(-1, "unknown", false);

    private final int code;
    private final String label;
    private final boolean decodable;

    Machine(int code, String label, boolean decodable) {
        this.code = code;
        this.label = label;
        this.decodable = decodable;
    }

    /** The machine for a COFF header value; {@link #UNKNOWN} when it is none of these. */
    public static Machine of(int code) {
        for (Machine m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return UNKNOWN;
    }

    public int code() {
        return code;
    }

    /** How reports name it: x86, x64, ARM64, IA-64, ... */
    public String label() {
        return label;
    }

    /** True for the architectures whose code pooltags decodes. */
    public boolean decodable() {
        return decodable;
    }
}
