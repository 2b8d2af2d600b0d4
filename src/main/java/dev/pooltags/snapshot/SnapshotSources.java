package dev.pooltags.snapshot;

import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.ReadNotes;
import dev.pooltags.source.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Opens a source from its {@code --source} text, {@code KIND[:ARGUMENT]}:
 * <ul>
 *   <li>{@code windows}: this Windows machine's pool ({@code windows:session} for the session pools of all
 *       sessions, {@code windows:session=N} for one session);</li>
 *   <li>{@code linux}: this Linux machine's slab caches;</li>
 *   <li>{@code replay:FILE}: plays back a recording, or any snapshot file or folder {@link SnapshotInputs} reads;</li>
 *   <li>any kind a package above this one provides as a {@link SnapshotSourceKind} service: the simulator's
 *       {@code demo:SCENARIO}, its scenarios run endlessly against the wall clock (the simulator reads snapshots,
 *       so this package cannot name it without a cycle).</li>
 * </ul>
 * The built-in kinds are cases of {@link #open(String, ReadNotes, Instant)}; another kind is one service.
 */
public final class SnapshotSources {
    private SnapshotSources() {}

    /** The kinds other packages provide, by their word, in that order (loaded only when asked for). */
    private static Map<String, SnapshotSourceKind> provided() {
        Map<String, SnapshotSourceKind> kinds = new TreeMap<>();
        for (SnapshotSourceKind k : ServiceLoader.load(SnapshotSourceKind.class, SnapshotSources.class.getClassLoader())) {
            kinds.put(k.kind().toLowerCase(Locale.ROOT), k);
        }
        return kinds;
    }

    /** The source named by {@code spec}; a spec that names no known source is a usage error. */
    public static SnapshotSource open(String spec) {
        return open(spec, ReadNotes.NONE);
    }

    /**
     * As {@link #open(String)}; warnings the source finds later (a torn recording tail) and damage (a damaged frame
     * of a recording) go to {@code warnings}.
     */
    public static SnapshotSource open(String spec, ReadNotes warnings) {
        return open(spec, warnings, null);
    }

    /**
     * As {@link #open(String, ReadNotes)}; {@code start} (when not null) is when the first sample of a replayed file
     * without times was taken ({@link SnapshotInputs#readSeries(List, ReadNotes, Instant)}).
     */
    public static SnapshotSource open(String spec, ReadNotes warnings, Instant start) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "windows" -> WindowsPoolSource.open(arg);
            case "linux" -> {
                if (!arg.isEmpty()) {
                    throw new UsageException("the linux source takes no argument (got '" + spec + "')");
                }
                yield LinuxSlabSource.open();
            }
            case "replay" -> {
                if (arg.isEmpty()) {
                    throw new UsageException("replay needs a file: --source replay:FILE");
                }
                yield replayFile(spec, Path.of(arg), warnings, start);
            }
            default -> {
                Map<String, SnapshotSourceKind> provided = provided();
                SnapshotSourceKind k = provided.get(kind);
                if (k == null) {
                    throw new UsageException("unknown source '" + spec + "': use " + kinds(provided));
                }
                yield k.open(arg);
            }
        };
    }

    /** {@code windows, linux, replay:FILE or demo:SCENARIO (...)}: every kind, as an error lists them. */
    private static String kinds(Map<String, SnapshotSourceKind> provided) {
        List<String> all = new ArrayList<>(List.of("windows", "linux", "replay:FILE"));
        provided.values().forEach(k -> all.add(k.usage()));
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    /** The live source of this machine: {@code windows} on Windows, {@code linux} on Linux. */
    public static String defaultSpec() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows")) {
            return "windows";
        }
        if (os.startsWith("Linux")) {
            return "linux";
        }
        throw new EnvironmentException("no live source on " + os + ": use --source replay:FILE");
    }

    private static SnapshotSource replayFile(String spec, Path file, ReadNotes warnings, Instant start) {
        if (!Files.isDirectory(file) && SnapshotInputs.formatOf(file) == SnapshotFormat.RECORDING) {
            RecordingReader r = RecordingReader.open(file);
            return new SnapshotSource() {
                private boolean warned;

                @Override
                public Optional<Snapshot> next() {
                    Optional<Snapshot> s = r.next();
                    for (RecordingReader.Damage d : r.newDamage()) {
                        warnings.damage(d.describe(file.toString()));
                    }
                    if (s.isEmpty() && !warned) {
                        warned = true;
                        r.tornTail().ifPresent(t -> warnings.warning(t.describe(file.toString())));
                    }
                    return s;
                }

                @Override
                public String name() {
                    return spec;
                }

                @Override
                public boolean isSimulated() {
                    return true;
                }

                @Override
                public void close() {
                    r.close();
                }
            };
        }
        return replay(spec, SnapshotInputs.readSeries(List.of(file), warnings, start));
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
