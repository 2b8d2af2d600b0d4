package dev.pooltags.snapshot;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.pooltags.source.UsageException;
import dev.pooltags.source.EnvironmentException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live Windows source: {@code NtQuerySystemInformation} through JNA, with the grow-and-retry loop the call
 * needs (the table grows between asking for its size and reading it). Classes: SystemPoolTagInformation (22) for
 * the system pools, SystemSessionPoolTagInformation (67) for session pools, SystemBigPoolInformation (66) for
 * the big-pool totals; psapi's GetPerformanceInfo for memory and commit totals. Decoding is
 * {@link WindowsPoolBuffers}'s. JNA and ntdll are touched only after the OS is known to be Windows.
 */
final class WindowsPoolSource implements SnapshotSource {
    private static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    private static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    private static final int STATUS_ACCESS_DENIED = 0xC0000022;

    /** What to read: the system pools, all sessions' pools, or one session's. */
    private final long session;
    private static final long SYSTEM = -1;
    private static final long ALL_SESSIONS = -2;
    private final String name;
    private final String host;
    private int sizeHint = 1 << 18;

    private WindowsPoolSource(long session, String name) {
        this.session = session;
        this.name = name;
        this.host = HostName.get();
    }

    static SnapshotSource open(String arg) {
        String os = System.getProperty("os.name", "");
        if (!os.startsWith("Windows")) {
            throw new EnvironmentException("the windows source reads the Windows kernel's pool and this is " + os
                    + (os.startsWith("Linux") ? ": use --source linux, or replay:FILE" : ": use --source replay:FILE"));
        }
        long session;
        if (arg.isEmpty()) {
            session = SYSTEM;
        } else if (arg.equals("session")) {
            session = ALL_SESSIONS;
        } else if (arg.startsWith("session=")) {
            try {
                session = Long.parseLong(arg.substring("session=".length()));
            } catch (NumberFormatException e) {
                throw new UsageException("windows:session=N needs a session number (got '" + arg + "')");
            }
        } else {
            throw new UsageException("unknown windows source '" + arg + "': use windows, windows:session or windows:session=N");
        }
        WindowsPoolSource s = new WindowsPoolSource(session, arg.isEmpty() ? "windows" : "windows:" + arg);
        s.next(); // fail now, with the reason, if the call is refused
        return s;
    }

    interface NtDll extends Library {
        int NtQuerySystemInformation(int infoClass, Pointer buffer, int length, IntByReference returnLength);
    }

    interface Psapi extends Library {
        boolean GetPerformanceInfo(Pointer info, int cb);
    }

    /** Loaded on first use, on Windows only. */
    private static final class Native32 {
        static final NtDll NTDLL = Native.load("ntdll", NtDll.class);
        static final Psapi PSAPI = Native.load("psapi", Psapi.class);
    }

    private List<BigPoolAllocation> lastBigPool;

    @Override
    public Optional<Snapshot> next() {
        boolean is64 = Native.POINTER_SIZE == 8;
        Instant now = Instant.now();
        List<TagCounters> rows;
        if (session == SYSTEM) {
            Query q = query(WindowsPoolBuffers.POOL_TAG_CLASS, true);
            rows = decode(() -> WindowsPoolBuffers.poolTags(q.buffer, q.length, is64));
        } else {
            Query q = query(WindowsPoolBuffers.SESSION_POOL_TAG_CLASS, true);
            Map<Long, List<TagCounters>> bySession = decode(() -> WindowsPoolBuffers.sessionPoolTags(q.buffer, q.length, is64));
            if (session == ALL_SESSIONS) {
                rows = WindowsPoolBuffers.sumSessions(bySession.values());
            } else {
                rows = bySession.get(session);
                if (rows == null) {
                    throw new EnvironmentException("there is no session " + session + " (sessions: " + bySession.keySet() + ")");
                }
            }
        }
        Map<String, Long> totals = new LinkedHashMap<>(performance(is64));
        if (session == SYSTEM) {
            Query big = query(WindowsPoolBuffers.BIG_POOL_CLASS, false); // needs more rights on some versions: optional
            if (big != null) {
                List<BigPoolAllocation> table = decode(() -> WindowsPoolBuffers.bigPool(big.buffer, big.length, is64));
                lastBigPool = table;
                totals.putAll(WindowsPoolBuffers.bigPoolTotals(table));
            }
        }
        return Optional.of(new Snapshot(now, host, name, rows, totals));
    }

    private interface Decoding<T> {
        T run();
    }

    private static <T> T decode(Decoding<T> d) {
        try {
            return d.run();
        } catch (IllegalArgumentException e) {
            throw new EnvironmentException("the kernel returned a buffer pooltags cannot decode: " + e.getMessage(), e);
        }
    }

    private record Query(ByteBuffer buffer, int length) {}

    /** One call with the grow-and-retry loop; null when refused and {@code required} is false. */
    private Query query(int infoClass, boolean required) {
        int size = sizeHint;
        for (int attempt = 0; attempt < 8; attempt++) {
            Memory m = new Memory(size);
            IntByReference ret = new IntByReference();
            int status = Native32.NTDLL.NtQuerySystemInformation(infoClass, m, size, ret);
            if (status == 0) {
                int len = Math.min(ret.getValue() == 0 ? size : ret.getValue(), size);
                sizeHint = Math.max(sizeHint, size);
                return new Query(m.getByteBuffer(0, len).order(ByteOrder.LITTLE_ENDIAN), len);
            }
            if (status == STATUS_INFO_LENGTH_MISMATCH || status == STATUS_BUFFER_TOO_SMALL) {
                // the table grows between calls: ask for what was reported plus headroom
                size = Math.max(size * 2, ret.getValue() + (ret.getValue() >> 2) + 4096);
                continue;
            }
            if (!required) {
                return null;
            }
            if (status == STATUS_ACCESS_DENIED) {
                throw new EnvironmentException("NtQuerySystemInformation(" + infoClass + ") was refused: run pooltags as administrator");
            }
            throw new EnvironmentException(String.format("NtQuerySystemInformation(%d) failed with NTSTATUS 0x%08X", infoClass, status));
        }
        if (!required) {
            return null;
        }
        throw new EnvironmentException("NtQuerySystemInformation(" + infoClass + ") kept asking for a larger buffer (last " + size + " bytes)");
    }

    private static Map<String, Long> performance(boolean is64) {
        int cb = is64 ? 104 : 56;
        Memory m = new Memory(cb);
        m.clear();
        m.setInt(0, cb);
        if (!Native32.PSAPI.GetPerformanceInfo(m, cb)) {
            return Map.of(); // totals are a bonus: the per-tag rows stand without them
        }
        return WindowsPoolBuffers.performanceTotals(m.getByteBuffer(0, cb), is64);
    }

    @Override
    public String name() {
        return name;
    }

    /** The table read with the last sample: present when the kernel granted SystemBigPoolInformation. */
    @Override
    public Optional<List<BigPoolAllocation>> bigPool() {
        return Optional.ofNullable(lastBigPool);
    }
}
