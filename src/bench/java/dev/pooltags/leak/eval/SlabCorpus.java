package dev.pooltags.leak.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotInputs;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real-workload corpus: recordings of this machine's {@code /proc/slabinfo} at 1 s while a process created kernel
 * objects with known truth ({@code scripts/slab-corpus/record-corpus.sh}). Each {@code NAME.rec} has a
 * {@code NAME.truth.json}: whether the scenario leaks, from when, and which caches its objects live in (measured on
 * the kernel that recorded it). Those caches are labelled (leaking, or known not to leak); every other cache of the
 * machine is unlabelled: its truth is nobody's to know. A truth file with a {@code limit} describes a known limit
 * (objects created at a leak's pace for longer than the gates, then given back): it is reported, not held to the
 * targets.
 */
public final class SlabCorpus {
    /** Where the corpus lives in a checkout. */
    public static final Path DEFAULT = Path.of("src", "test", "resources", "dev", "pooltags", "leak", "slab-corpus");

    private SlabCorpus() {}

    /** Every recording of the folder with its truth, by name. */
    public static List<LabelledSeries> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "no such folder: record the corpus with scripts/slab-corpus/record-corpus.sh");
        }
        List<Path> truths;
        try (Stream<Path> s = Files.list(dir)) {
            truths = s.filter(p -> p.getFileName().toString().endsWith(".truth.json")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        List<LabelledSeries> out = new ArrayList<>();
        for (Path t : truths) {
            String name = t.getFileName().toString().replace(".truth.json", "");
            JsonNode j;
            try {
                j = json.readTree(t.toFile());
            } catch (IOException e) {
                throw new InputException(t, "not a truth file (JSON expected)");
            }
            Path rec = dir.resolve(name + ".rec");
            List<Snapshot> series = SnapshotInputs.readSeries(List.of(rec), w -> { });
            Set<String> caches = new LinkedHashSet<>();
            j.path("caches").forEach(c -> caches.add(c.asText()));
            boolean leak = "leak".equals(j.path("truth").asText());
            Instant onset = j.hasNonNull("onset") ? Instant.parse(j.get("onset").asText()) : null;
            String limit = j.hasNonNull("limit") ? j.get("limit").asText() : null;
            out.add(new LabelledSeries(name, series, leak ? caches : Set.of(), leak ? Set.of() : caches,
                    leak ? onset : null, limit));
        }
        return out;
    }
}
