package dev.pooltags.pe;

/**
 * One imported routine and the import-address-table slot the loader fills with its address: code calls the
 * routine through that slot ({@code call [slot]}), so the slot's RVA is what the decoders look for.
 *
 * @param module  the DLL or driver it comes from, as written in the image ({@code ntoskrnl.exe})
 * @param name    the routine's name, or null when imported by ordinal
 * @param ordinal the ordinal when imported by ordinal, else -1
 * @param slotRva RVA of its import-address-table slot
 * @param delayed true for a delay-load import
 */
public record Import(String module, String name, int ordinal, int slotRva, boolean delayed) {
    /** The name, or {@code #ordinal}. */
    public String displayName() {
        return name != null ? name : "#" + ordinal;
    }
}
