package dev.pooltags.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formats one result type can be written in, by name, in the order a command lists them; the first is the
 * default. A command's {@code --format} is checked against these names, so the formats a command accepts and the
 * renderers that write them cannot drift apart.
 */
public final class Renderers<R> {
    private final Map<String, Renderer<R>> byName;

    private Renderers(Map<String, Renderer<R>> byName) {
        this.byName = byName;
    }

    /** A registry whose only (so default) format is {@code name}. */
    public static <R> Renderers<R> of(String name, Renderer<R> renderer) {
        return new Renderers<R>(new LinkedHashMap<>()).and(name, renderer);
    }

    /** This registry and one more format. */
    public Renderers<R> and(String name, Renderer<R> renderer) {
        Map<String, Renderer<R>> more = new LinkedHashMap<>(byName);
        if (more.putIfAbsent(name, renderer) != null) {
            throw new IllegalArgumentException("format " + name + " registered twice");
        }
        return new Renderers<>(more);
    }

    /** The format names, the default first. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** The default format's name. */
    public String defaultName() {
        return byName.keySet().iterator().next();
    }

    /** Writes {@code result} in the format named {@code name} (one of {@link #names()}). */
    public void render(String name, PrintWriter out, R result) {
        Renderer<R> r = byName.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no format " + name + "; formats: " + names());
        }
        r.render(out, result);
    }
}
