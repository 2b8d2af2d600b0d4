package dev.pooltags.snapshot;

import dev.pooltags.source.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live Linux source: the kernel's slab caches from {@code /proc/slabinfo} (root only) and totals from
 * {@code /proc/meminfo}, as {@link SlabInfo} maps them. Allocation and free counters are synthesized from the
 * change in active objects between samples ({@link CounterSynthesis}).
 */
public final class LinuxSlabSource implements SnapshotSource {
    private final Path slabinfo;
    private final Path meminfo;
    private final String host;
    private final CounterSynthesis counters = new CounterSynthesis();

    LinuxSlabSource(Path slabinfo, Path meminfo, String host) {
        this.slabinfo = slabinfo;
        this.meminfo = meminfo;
        this.host = host;
    }

    /** The source over this machine's /proc, checked by reading it once (so a missing right fails early). */
    public static LinuxSlabSource open() {
        return open(Path.of("/proc/slabinfo"), Path.of("/proc/meminfo"));
    }

    static LinuxSlabSource open(Path slabinfo, Path meminfo) {
        LinuxSlabSource s = new LinuxSlabSource(slabinfo, meminfo, HostName.get());
        s.read(slabinfo); // fail now, with the reason, rather than at the first sample
        return s;
    }

    @Override
    public Optional<Snapshot> next() {
        Instant now = Instant.now();
        List<TagCounters> outstanding = new ArrayList<>();
        for (SlabInfo.Cache c : SlabInfo.parse(slabinfo.toString(), read(slabinfo))) {
            outstanding.add(c.row());
        }
        Map<String, Long> totals = Files.isReadable(meminfo) ? SlabInfo.meminfoTotals(read(meminfo)) : Map.of();
        return Optional.of(new Snapshot(now, host, name(), counters.apply(outstanding), totals));
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (AccessDeniedException e) {
            throw new EnvironmentException(p + " is readable by root only: run as root (sudo) for the linux source");
        } catch (NoSuchFileException e) {
            throw new EnvironmentException(p + " does not exist: the linux source needs a Linux kernel with slab statistics"
                    + (System.getProperty("os.name", "").startsWith("Linux") ? "" : " (this is " + System.getProperty("os.name") + ")"));
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "linux";
    }
}
