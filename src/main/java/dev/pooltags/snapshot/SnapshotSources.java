package dev.pooltags.snapshot;

import dev.pooltags.cli.UsageException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Opens a source from its {@code --source} text: {@code replay:FILE} plays back a saved series. Each further
 * source kind ({@code windows}, {@code linux}, {@code demo:SCENARIO}) registers here as it is added.
 */
public final class SnapshotSources {
    private SnapshotSources() {}

    /** The source named by {@code spec}; a spec that names no known source is a usage error. */
    public static SnapshotSource open(String spec) {
        if (spec.startsWith("replay:")) {
            Path file = Path.of(spec.substring("replay:".length()));
            return replay(spec, SnapshotInputs.readSeries(List.of(file)));
        }
        throw new UsageException("unknown source '" + spec + "': use replay:FILE");
    }

    /** A source that hands out the given snapshots in order, then is exhausted. */
    public static SnapshotSource replay(String name, List<Snapshot> series) {
        Iterator<Snapshot> it = List.copyOf(series).iterator();
        return new SnapshotSource() {
            @Override
            public Optional<Snapshot> next() {
                return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isSimulated() {
                return true;
            }
        };
    }
}
