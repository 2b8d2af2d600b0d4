package dev.pooltags.event;

import dev.pooltags.tag.PoolType;
import java.util.Locale;

/**
 * The {@code POOL_TYPE} values a driver passes to {@code ExAllocatePoolWithTag} and its relatives, with the meaning
 * Microsoft documents for each, and which per-tag row ({@link PoolType}: paged or nonpaged) the allocation counts in.
 *
 * <p>Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/ne-wdm-_pool_type">POOL_TYPE
 * enumeration (wdm.h)</a>. The codes are the enumeration's values: the low bit selects paged pool, 4 cache
 * alignment, 2 must-succeed, 32 session pool, 512 no-execute nonpaged pool. The modifier bits the
 * {@code ExAllocatePoolWithTag} document allows ORing in ({@code POOL_RAISE_IF_ALLOCATION_FAILURE} 16,
 * {@code POOL_COLD_ALLOCATION} 256, and {@code POOL_QUOTA_FAIL_INSTEAD_OF_RAISE} 8 from
 * {@code ExAllocatePoolWithQuotaTag}) do not change the pool and are ignored by {@link #fromCode(int)}.
 */
public enum WindowsPoolType {
    /** Nonpageable, executable; "a scarce resource". Alias NonPagedPoolExecute since Windows 8. */
    NON_PAGED_POOL(0),
    /** Pageable system memory; allocate and access only below DISPATCH_LEVEL. */
    PAGED_POOL(1),
    /** Internal use only, system startup only: "crashes the system if the requested memory size is unavailable". */
    NON_PAGED_POOL_MUST_SUCCEED(2),
    /** Reserved for system use. */
    DONT_USE_THIS_TYPE(3),
    /** Nonpaged, aligned on processor cache boundaries; internal use only. */
    NON_PAGED_POOL_CACHE_ALIGNED(4),
    /** Paged, cache aligned; internal use only. */
    PAGED_POOL_CACHE_ALIGNED(5),
    /** Cache-aligned must-succeed; startup only. */
    NON_PAGED_POOL_CACHE_ALIGNED_MUST_S(6),
    /** Session pool types: deprecated, "do not use". */
    NON_PAGED_POOL_SESSION(32),
    PAGED_POOL_SESSION(33),
    NON_PAGED_POOL_MUST_SUCCEED_SESSION(34),
    DONT_USE_THIS_TYPE_SESSION(35),
    NON_PAGED_POOL_CACHE_ALIGNED_SESSION(36),
    PAGED_POOL_CACHE_ALIGNED_SESSION(37),
    NON_PAGED_POOL_CACHE_ALIGNED_MUST_S_SESSION(38),
    /** No-execute nonpaged pool (Windows 8 and later): what drivers should use for nonpaged memory. */
    NON_PAGED_POOL_NX(512),
    /** NX nonpaged, cache aligned; reserved for the operating system. */
    NON_PAGED_POOL_NX_CACHE_ALIGNED(516),
    /** Reserved for the operating system. */
    NON_PAGED_POOL_SESSION_NX(544);

    /** POOL_QUOTA_FAIL_INSTEAD_OF_RAISE | POOL_RAISE_IF_ALLOCATION_FAILURE | POOL_COLD_ALLOCATION. */
    static final int MODIFIER_BITS = 8 | 16 | 256;

    private final int code;
    /** The wdm.h name, which each constant's name spells in Java's constant style: NON_PAGED_POOL_NX is NonPagedPoolNx. */
    private final String windowsName = camelCase(name());

    WindowsPoolType(int code) {
        this.code = code;
    }

    private static String camelCase(String constant) {
        StringBuilder b = new StringBuilder(constant.length());
        for (String word : constant.split("_")) {
            b.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** The enumeration value. */
    public int code() {
        return code;
    }

    /** The name in wdm.h, e.g. {@code NonPagedPoolNx}. */
    public String windowsName() {
        return windowsName;
    }

    /** True for the pageable types (the low bit of the base type). */
    public boolean isPaged() {
        return (code & 1) == 1 && (code & 2) == 0;
    }

    /** The per-tag row this allocation is counted in: PoolMon's Paged or Nonp. */
    public PoolType tracked() {
        return isPaged() ? PoolType.PAGED : PoolType.NONPAGED;
    }

    /** Session pool (deprecated types; ETW logs their allocations as PoolAllocSession). */
    public boolean isSession() {
        return (code & 32) != 0;
    }

    /** Must-succeed pool: no longer supported, bug check 0xC2/0x9A. */
    public boolean isMustSucceed() {
        return (code & 7) == 2 || (code & 7) == 6;
    }

    /** Aligned on processor cache boundaries. */
    public boolean isCacheAligned() {
        return (code & 7) >= 4 && (code & 7) <= 6;
    }

    /** Types the documentation reserves for the system: DontUseThisType and its session twin. */
    public boolean isReserved() {
        return (code & 7) == 3;
    }

    private static final WindowsPoolType[] BY_CODE = new WindowsPoolType[545];

    static {
        for (WindowsPoolType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    /** The type for a code, ignoring the documented modifier bits; null when the code is no POOL_TYPE value. */
    public static WindowsPoolType fromCode(int code) {
        int base = code & ~MODIFIER_BITS;
        return base >= 0 && base < BY_CODE.length ? BY_CODE[base] : null;
    }

    /**
     * Reads a pool type as tools print it: the wdm.h name ({@code NonPagedPoolNx}, case-insensitive), its
     * number in decimal or {@code 0x} hex, or PoolMon's short forms {@code Paged} and {@code Nonp}/{@code NonPaged}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static WindowsPoolType parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty pool type");
        }
        char c0 = s.charAt(0);
        if (c0 >= '0' && c0 <= '9') {
            long v;
            try {
                v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a pool type number");
            }
            WindowsPoolType t = v >= 0 && v <= Integer.MAX_VALUE ? fromCode((int) v) : null;
            if (t == null) {
                throw new IllegalArgumentException(text + " is not a POOL_TYPE value");
            }
            return t;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "paged", "p" -> {
                return PAGED_POOL;
            }
            case "nonp", "nonpaged", "np" -> {
                return NON_PAGED_POOL;
            }
            case "nonpagedpoolexecute" -> {
                return NON_PAGED_POOL;
            }
            default -> {
                for (WindowsPoolType t : values()) {
                    if (t.windowsName.equalsIgnoreCase(s)) {
                        return t;
                    }
                }
                throw new IllegalArgumentException("'" + text + "' is not a POOL_TYPE name such as NonPagedPoolNx or PagedPool");
            }
        }
    }

    @Override
    public String toString() {
        return windowsName;
    }
}
