package dev.pooltags.sim;

import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios pooltags ships, as JSON resources next to this class. Each is a small {@link Scenario} description:
 * {@code healthy}, {@code leak-slow}, {@code leak-fast}, {@code cache-plateau}, {@code tag-mismatch},
 * {@code unload-leak} and {@code special-pool-overrun}.
 */
public final class Scenarios {
    /** The shipped scenarios, in the order {@code demo --list} shows them. */
    public static final List<String> NAMES = List.of("healthy", "leak-slow", "leak-fast", "cache-plateau", "tag-mismatch",
            "unload-leak", "special-pool-overrun");

    /** Scenarios read so far: each is read when first asked for, so one demo: source does not parse all seven. */
    private static final Map<String, Scenario> LOADED = new LinkedHashMap<>();

    private Scenarios() {}

    private static synchronized Scenario load(String n) {
        Scenario s = LOADED.get(n);
        if (s != null) {
            return s;
        }
        String resource = n + ".json";
        try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scenario resource " + resource + " is missing from the build");
            }
            s = Scenario.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!s.name().equals(n)) {
                throw new IllegalStateException(resource + " names itself '" + s.name() + "'");
            }
            LOADED.put(n, s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario with this name. */
    public static Optional<Scenario> byName(String name) {
        return NAMES.contains(name) ? Optional.of(load(name)) : Optional.empty();
    }

    /**
     * The drivers of the scenario a sample's source names ({@code demo:leak-fast}), as a tag file of rank
     * {@code rank}; empty for any other source.
     */
    public static Optional<TagFile> tagFile(String source, int rank) {
        if (source == null || !source.startsWith("demo:")) {
            return Optional.empty();
        }
        return byName(source.substring(5)).map(s -> TagFileReader.parse(source + " drivers", s.tagFileText(), rank));
    }

    /** Every shipped scenario. */
    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(load(n));
        }
        return out;
    }
}
