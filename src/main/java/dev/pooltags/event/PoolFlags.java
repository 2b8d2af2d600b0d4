package dev.pooltags.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POOL_FLAGS}, the 64-bit flags {@code ExAllocatePool2} and {@code ExAllocatePool3} take instead of a
 * {@code POOL_TYPE}.
 *
 * <p>Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/kernel/pool_flags">POOL_FLAGS</a>. The low
 * 32 bits are required flags: "If the allocator does not recognize the flag or cannot make an allocation satisfying
 * all required flags the allocation fails". The high 32 bits are optional and ignored when unrecognized. The
 * {@code ExAllocatePool2} document adds that the call returns NULL when "invalid POOL_FLAGS are specified"; exactly
 * one of {@link #NON_PAGED}, {@link #NON_PAGED_EXECUTE} and {@link #PAGED} selects the pool, and
 * {@code POOL_FLAG_NON_PAGED} is documented as "Non paged pool NX".
 */
public final class PoolFlags {
    public static final long USE_QUOTA = 0x1L;
    public static final long UNINITIALIZED = 0x2L;
    public static final long SESSION = 0x4L;
    public static final long CACHE_ALIGNED = 0x8L;
    public static final long RESERVED1 = 0x10L;
    public static final long RAISE_ON_FAILURE = 0x20L;
    public static final long NON_PAGED = 0x40L;
    public static final long NON_PAGED_EXECUTE = 0x80L;
    public static final long PAGED = 0x100L;
    public static final long RESERVED2 = 0x200L;
    public static final long RESERVED3 = 0x400L;
    /** Optional: "Make allocation in the special pool (used for debugging)". */
    public static final long SPECIAL_POOL = 0x1_0000_0000L;

    private static final String[] NAMES = {"USE_QUOTA", "UNINITIALIZED", "SESSION", "CACHE_ALIGNED", "RESERVED1",
        "RAISE_ON_FAILURE", "NON_PAGED", "NON_PAGED_EXECUTE", "PAGED", "RESERVED2", "RESERVED3"};
    /** Required bits a driver may pass; the reserved ones are "for system use". */
    private static final long KNOWN_REQUIRED = USE_QUOTA | UNINITIALIZED | SESSION | CACHE_ALIGNED | RAISE_ON_FAILURE
            | NON_PAGED | NON_PAGED_EXECUTE | PAGED;

    private PoolFlags() {}

    /** Why these flags make the allocation fail, or null when they are valid. */
    public static String invalidReason(long flags) {
        long required = flags & 0xFFFF_FFFFL;
        long unknown = required & ~KNOWN_REQUIRED;
        if (unknown != 0) {
            return "required flag bits " + String.format("0x%X", unknown) + " are reserved or unknown";
        }
        int pools = Long.bitCount(flags & (NON_PAGED | NON_PAGED_EXECUTE | PAGED));
        if (pools == 0) {
            return "no pool selected (POOL_FLAG_NON_PAGED, POOL_FLAG_NON_PAGED_EXECUTE or POOL_FLAG_PAGED)";
        }
        if (pools > 1) {
            return "more than one pool selected";
        }
        return null;
    }

    /** The POOL_TYPE these flags allocate from; null when {@link #invalidReason(long)} is not null. */
    public static WindowsPoolType poolType(long flags) {
        if (invalidReason(flags) != null) {
            return null;
        }
        boolean session = (flags & SESSION) != 0;
        boolean aligned = (flags & CACHE_ALIGNED) != 0;
        if ((flags & PAGED) != 0) {
            return session ? (aligned ? WindowsPoolType.PAGED_POOL_CACHE_ALIGNED_SESSION : WindowsPoolType.PAGED_POOL_SESSION)
                    : (aligned ? WindowsPoolType.PAGED_POOL_CACHE_ALIGNED : WindowsPoolType.PAGED_POOL);
        }
        if ((flags & NON_PAGED_EXECUTE) != 0) {
            return session ? (aligned ? WindowsPoolType.NON_PAGED_POOL_CACHE_ALIGNED_SESSION : WindowsPoolType.NON_PAGED_POOL_SESSION)
                    : (aligned ? WindowsPoolType.NON_PAGED_POOL_CACHE_ALIGNED : WindowsPoolType.NON_PAGED_POOL);
        }
        return session ? WindowsPoolType.NON_PAGED_POOL_SESSION_NX
                : (aligned ? WindowsPoolType.NON_PAGED_POOL_NX_CACHE_ALIGNED : WindowsPoolType.NON_PAGED_POOL_NX);
    }

    /** {@code POOL_FLAG_NON_PAGED|POOL_FLAG_UNINITIALIZED}; unknown bits as hex. */
    public static String describe(long flags) {
        List<String> parts = new ArrayList<>();
        long rest = flags;
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1L << i)) != 0) {
                parts.add("POOL_FLAG_" + NAMES[i]);
                rest &= ~(1L << i);
            }
        }
        if ((flags & SPECIAL_POOL) != 0) {
            parts.add("POOL_FLAG_SPECIAL_POOL");
            rest &= ~SPECIAL_POOL;
        }
        if (rest != 0) {
            parts.add(String.format("0x%X", rest));
        }
        return parts.isEmpty() ? "0" : String.join("|", parts);
    }

    /**
     * Reads flags written as a number ({@code 0x40}, {@code 64}) or as names joined by {@code |}
     * ({@code POOL_FLAG_NON_PAGED|POOL_FLAG_UNINITIALIZED}, the {@code POOL_FLAG_} prefix optional).
     *
     * @throws IllegalArgumentException naming the part that is neither
     */
    public static long parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty POOL_FLAGS");
        }
        long v = 0;
        for (String part : s.split("\\|")) {
            String p = part.trim();
            if (p.startsWith("0x") || p.startsWith("0X")) {
                v |= Long.parseUnsignedLong(p.substring(2), 16);
                continue;
            }
            if (!p.isEmpty() && Character.isDigit(p.charAt(0))) {
                v |= Long.parseUnsignedLong(p);
                continue;
            }
            String name = p.toUpperCase(Locale.ROOT);
            if (name.startsWith("POOL_FLAG_")) {
                name = name.substring("POOL_FLAG_".length());
            }
            long bit = -1;
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(name)) {
                    bit = 1L << i;
                }
            }
            if (name.equals("SPECIAL_POOL")) {
                bit = SPECIAL_POOL;
            }
            if (bit < 0) {
                throw new IllegalArgumentException("'" + p + "' is not a POOL_FLAG name");
            }
            v |= bit;
        }
        return v;
    }
}
