package dev.pooltags.pool;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.snapshot.BigPoolAllocation;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The pool as a state machine: events go in ({@link #allocate}, {@link #free}, {@link #access}, {@link #unload},
 * {@link #apply}), the per-tag counters, the outstanding blocks, the per-driver verifier counters and every broken
 * rule come out. Rules are checked in {@link PoolRules} order and reported to the violation sink; when a rule says the
 * machine would stop, the model reports it and goes on as if it had not, so one replay finds every violation.
 *
 * <p>Memory is proportional to the outstanding blocks (plus a fixed number of remembered frees and the distinct tags
 * and drivers), never to the number of events.
 */
public final class PoolModel {
    private final PoolConfig config;
    private final Consumer<Violation> sink;
    private final BlockTable live = new BlockTable(1024);
    private final LongMap<Corruption> corrupted = new LongMap<>(16);
    private final RecentlyFreed freed;
    private final TagTracker tags = new TagTracker();
    private final Map<String, DriverStats> byName = new HashMap<>();
    private final Map<String, DriverStats> byKey = new LinkedHashMap<>();
    /** GFlags' special-pool tag: one value system-wide (the PoolTag registry value), so a new setting replaces the old. */
    private TagPattern specialPoolTag;
    private final AddressSpace space;
    private long untracked;
    private long bigCount;
    private long bigBytes;
    /** True once the model has chosen an address (a simulation): only then do freed addresses go back to its allocator. */
    private boolean choosesAddresses;
    private String lastDriverName;
    private DriverStats lastDriver;
    private long allocations;
    private long frees;
    private long failed;

    public PoolModel(PoolConfig config, Consumer<Violation> sink) {
        this.config = Objects.requireNonNull(config);
        this.sink = Objects.requireNonNull(sink);
        this.freed = new RecentlyFreed(config.freedMemory());
        this.space = new AddressSpace(config.geometry());
    }

    public PoolConfig config() {
        return config;
    }

    /** Runs any event; returns the allocated or freed block, or null. */
    public Block apply(PoolEvent e) {
        if (e instanceof PoolEvent.Alloc a) {
            return allocate(a);
        } else if (e instanceof PoolEvent.Free f) {
            return free(f);
        } else if (e instanceof PoolEvent.Access x) {
            access(x);
        } else if (e instanceof PoolEvent.Unload u) {
            unload(u);
        } else if (e instanceof PoolEvent.VerifyDriver v) {
            verify(v.driver(), v.options());
        } else if (e instanceof PoolEvent.SpecialPoolTag s) {
            specialPoolTag = s.pattern();
        }
        return null;
    }

    /** Driver Verifier verifies {@code driver} with {@code options} from now on. */
    public void verify(String driver, java.util.Set<VerifierOption> options) {
        DriverStats d = driver(driver);
        d.options = options.isEmpty() ? EnumSet.noneOf(VerifierOption.class) : EnumSet.copyOf(options);
    }

    /**
     * Special pool for tags matching {@code pattern}, as GFlags' {@code +spp} sets it. Windows keeps one such tag (or size)
     * system-wide, so this replaces any pattern set before.
     */
    public void specialPoolTag(TagPattern pattern) {
        specialPoolTag = pattern;
    }

    /**
     * An allocation. When its address is 0 the model chooses one; a call the rules make fail (ExAllocatePool2 with tag
     * 0) then returns null. An allocation read from a trace (with an address) always happened, so it is kept whatever
     * the rules say.
     *
     * @throws IllegalStateException when the address is already allocated (see {@link #isLive}, {@link #discard})
     */
    public Block allocate(PoolEvent.Alloc a) {
        PoolTag tag = effectiveTag(a);
        WindowsPoolType type;
        String flagsProblem = null;
        if (a.routine().takesPoolFlags()) {
            flagsProblem = PoolFlags.invalidReason(a.poolFlags());
            type = PoolFlags.poolType(a.poolFlags());
        } else if (a.routine() == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY && a.poolType() == null) {
            type = WindowsPoolType.NON_PAGED_POOL_NX;
        } else {
            type = a.poolType();
        }
        DriverStats d = driver(a.driver());
        AllocationRule.Facts facts = new AllocationRule.Facts(a, tag, type, flagsProblem, d.isVerified());
        // Each rule called by its own class (in PoolRules.ALLOCATION's order), so the calls are direct and inlined.
        boolean fails = report(PoolRules.INVALID_POOL_FLAGS.check(facts)) | report(PoolRules.ZERO_TAG.check(facts))
                | report(PoolRules.BIG_TAG.check(facts)) | report(PoolRules.TAG_WITHOUT_LETTER_OR_DIGIT.check(facts))
                | report(PoolRules.MUST_SUCCEED.check(facts)) | report(PoolRules.ZERO_SIZE.check(facts))
                | report(PoolRules.UNTAGGED.check(facts));
        if (fails && a.address() == 0) {
            failed++;
            return null;
        }
        PoolGeometry g = config.geometry();
        boolean big = g.isBig(a.size());
        long charged = g.charged(a.size());
        SpecialAlignment special = null;
        if (a.size() < g.pageSize() && wantsSpecialPool(a, tag, d)) {
            special = a.alignment() != null ? a.alignment() : config.alignment();
        }
        long address = a.address();
        if (address == 0) {
            choosesAddresses = true;
            address = space.allocate(type, a.size(), charged, big, special);
        }
        PoolType tracked = type != null ? type.tracked() : a.trackedType();
        Block b = new Block(address, tag, a.size(), charged, type, tracked, a.routine(), a.driver(), a.caller(), a.time(), a.line(),
                special, big);
        if (!live.insert(b)) {
            throw new IllegalStateException(String.format("0x%X is already allocated", address));
        }
        freed.remove(address);
        allocations++;
        if (big) {
            bigCount++;
            bigBytes += charged;
        }
        if (tracked != null) {
            tags.allocated(tag, tracked, charged);
        } else {
            untracked++;
        }
        d.outstanding++;
        if (tracked == PoolType.PAGED) {
            d.chargedPaged += charged;
            d.currentAllocsPaged++;
            d.currentBytesPaged += a.size();
            d.peakAllocsPaged = Math.max(d.peakAllocsPaged, d.currentAllocsPaged);
            d.peakBytesPaged = Math.max(d.peakBytesPaged, d.currentBytesPaged);
        } else {
            d.chargedNonpaged += charged;
            d.currentAllocsNonpaged++;
            d.currentBytesNonpaged += a.size();
            d.peakAllocsNonpaged = Math.max(d.peakAllocsNonpaged, d.currentAllocsNonpaged);
            d.peakBytesNonpaged = Math.max(d.peakBytesNonpaged, d.currentBytesNonpaged);
        }
        d.unloaded = false;
        return b;
    }

    /** Passes a violation to the sink; true when it makes the call fail. */
    private boolean report(Violation v) {
        if (v == null) {
            return false;
        }
        sink.accept(v);
        return v.callFails();
    }

    private PoolTag effectiveTag(PoolEvent.Alloc a) {
        if (a.tag() != null) {
            return a.tag();
        }
        if (a.routine() == AllocRoutine.EX_ALLOCATE_POOL) {
            return config.untaggedTag();
        }
        if (a.routine() == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY) {
            return AllocRoutine.DEFAULT_NDIS_TAG;
        }
        return PoolTag.ofValue(0);
    }

    private boolean wantsSpecialPool(PoolEvent.Alloc a, PoolTag tag, DriverStats d) {
        if (d.options.contains(VerifierOption.SPECIAL_POOL)) {
            return true;
        }
        if (a.routine().takesPoolFlags() && (a.poolFlags() & PoolFlags.SPECIAL_POOL) != 0) {
            return true;
        }
        return specialPoolTag != null && specialPoolTag.matches(tag);
    }

    /** A free; returns the block it freed, or null when there was none at the address. */
    public Block free(PoolEvent.Free f) {
        long address = f.address();
        Block b = live.remove(address);
        Corruption c = b == null || corrupted.size() == 0 ? null : corrupted.remove(address);
        boolean verified = b != null ? driver(b.driver()).isVerified() : driver(f.driver()).isVerified();
        FreeRule.Facts facts = new FreeRule.Facts(f, b, b == null && freed.contains(address), config.complete(), verified, c);
        // In PoolRules.FREE's order.
        report(PoolRules.DOUBLE_FREE.check(facts));
        report(PoolRules.UNKNOWN_ADDRESS.check(facts));
        report(PoolRules.TAG_MISMATCH.check(facts));
        report(PoolRules.PROTECTED_TAG.check(facts));
        report(PoolRules.SPECIAL_POOL_CORRUPTION.check(facts));
        report(PoolRules.POOL_TRACKING_OVERRUN.check(facts));
        if (b == null) {
            return null;
        }
        release(b);
        return b;
    }

    /** Accounts for a block already taken out of the live map. */
    private void release(Block b) {
        if (corrupted.size() > 0) {
            corrupted.remove(b.address());
        }
        frees++;
        if (b.big()) {
            bigCount--;
            bigBytes -= b.charged();
        }
        if (b.tracked() != null) {
            tags.freed(b.tag(), b.tracked(), b.charged());
        } else {
            untracked--;
        }
        DriverStats d = driver(b.driver());
        d.outstanding--;
        if (b.tracked() == PoolType.PAGED) {
            d.chargedPaged -= b.charged();
            d.currentAllocsPaged--;
            d.currentBytesPaged -= b.size();
        } else {
            d.chargedNonpaged -= b.charged();
            d.currentAllocsNonpaged--;
            d.currentBytesNonpaged -= b.size();
        }
        freed.add(b.address(), b.isSpecial());
        if (choosesAddresses) {
            space.release(b);
        }
    }

    /** True when the address is allocated now. */
    public boolean isLive(long address) {
        return live.contains(address);
    }

    /** The outstanding block at an address, or null. */
    public Block block(long address) {
        return live.get(address);
    }

    /**
     * Forgets the block at an address as if it had been freed without a trace event (the trace lost the free: the
     * address was handed out again). Returns it, or null.
     */
    public Block discard(long address) {
        Block b = live.remove(address);
        if (b != null) {
            release(b);
        }
        return b;
    }

    /** A read or write near a block: special pool and pool tracking react as documented. */
    public void access(PoolEvent.Access x) {
        Block b = live.get(x.address());
        DriverStats d = driver(b != null ? b.driver() : x.driver());
        AccessRule.Facts facts = new AccessRule.Facts(x, b, b == null && freed.containsSpecial(x.address()), d.poolTracking(),
                config.geometry());
        boolean stopped = false;
        for (AccessRule r : PoolRules.ACCESS) {
            Violation v = r.check(facts);
            if (v != null) {
                sink.accept(v);
                stopped |= v.bugCheck() != null;
            }
        }
        if (b == null || stopped || !x.write() || (x.offset() >= 0 && x.offset() + x.length() <= b.size())) {
            return;
        }
        boolean overrun = x.offset() + x.length() > b.size() && x.offset() >= 0;
        if (b.isSpecial() || (d.poolTracking() && overrun)) {
            long first = overrun ? b.address() + Math.max(x.offset(), b.size()) : b.address() + x.offset();
            if (!corrupted.containsKey(b.address())) {
                corrupted.put(b.address(), new Corruption(first, overrun, x));
            }
        }
    }

    /** A driver unloads; returns how many of its allocations are still outstanding. */
    public int unload(PoolEvent.Unload u) {
        DriverStats d = driver(u.driver());
        UnloadRule.Facts facts = new UnloadRule.Facts(u, d.poolTracking(), d.outstanding, d.chargedPaged, d.chargedNonpaged);
        for (UnloadRule r : PoolRules.UNLOAD) {
            Violation v = r.check(facts);
            if (v != null) {
                sink.accept(v);
            }
        }
        d.unloaded = true;
        return d.outstanding;
    }

    private DriverStats driver(String name) {
        if (name == lastDriverName) { // most events name the driver of the one before (same string from the reader)
            return lastDriver;
        }
        DriverStats d = byName.get(name);
        if (d == null) {
            String key = name.toLowerCase(Locale.ROOT);
            d = byKey.computeIfAbsent(key, k -> new DriverStats(name));
            byName.put(name, d);
        }
        lastDriverName = name;
        lastDriver = d;
        return d;
    }

    /** The driver's counters (created empty when the model has not seen it). */
    public DriverStats driverStats(String name) {
        return driver(name);
    }

    /** Drivers the model has seen, in the order it met them. */
    public List<DriverStats> drivers() {
        List<DriverStats> out = new ArrayList<>();
        for (DriverStats d : byKey.values()) {
            if (!d.name().isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    /** Per-tag counters. */
    public TagTracker tags() {
        return tags;
    }

    /** The per-tag rows as a snapshot, with {@code pool.nonpaged} and {@code pool.paged} totals in bytes. */
    public Snapshot snapshot(Instant time, String host, String source) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("pool.nonpaged", tags.totalBytes(PoolType.NONPAGED));
        totals.put("pool.paged", tags.totalBytes(PoolType.PAGED));
        return new Snapshot(time, host, source, tags.rows(), totals);
    }

    /**
     * The big-pool table as the kernel keeps it: every outstanding allocation of a page or more whose pool is known,
     * with its address, pool, size in whole pages and tag (SystemBigPoolInformation's view of the model).
     */
    public List<BigPoolAllocation> bigPoolTable() {
        List<BigPoolAllocation> out = new ArrayList<>();
        live.forEach(b -> {
            if (b.big() && b.tracked() != null) {
                out.add(new BigPoolAllocation(b.address(), b.tracked(), b.charged(), b.tag()));
            }
        });
        return out;
    }

    /** Every outstanding block (in no particular order). */
    public void forEachOutstanding(Consumer<Block> action) {
        live.forEach(action);
    }

    public int outstandingCount() {
        return live.size();
    }

    /** Outstanding blocks whose pool (paged or nonpaged) the source did not say, so no per-tag row counts them. */
    public long untrackedOutstanding() {
        return untracked;
    }

    /**
     * Outstanding allocations from the big-page allocator (a page or more), which the kernel keeps in its own table
     * (the "large pool allocation table" {@code !poolfind} scans) besides counting them under their tag.
     */
    public long bigPoolAllocations() {
        return bigCount;
    }

    /** Bytes (whole pages) of the outstanding big-page allocations. */
    public long bigPoolBytes() {
        return bigBytes;
    }

    /** Allocations the model made (failed calls excluded). */
    public long allocations() {
        return allocations;
    }

    /** Blocks freed. */
    public long frees() {
        return frees;
    }

    /** Allocation calls that returned NULL. */
    public long failedAllocations() {
        return failed;
    }
}
