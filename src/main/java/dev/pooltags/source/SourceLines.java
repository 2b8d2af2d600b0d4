package dev.pooltags.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The text of one line of a source file, read when asked: for reports that fingerprint a finding by its line. Keeps
 * the lines of the few files read last (findings come sorted by file), so a tree's worth of text is never held.
 */
public final class SourceLines implements BiFunction<String, Integer, String> {
    private static final int FILES = 8;

    private final Path base;
    private final Map<String, String[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> e) {
            return size() > FILES;
        }
    };

    /** Lines of files named relative to {@code base} (or absolute). */
    public SourceLines(Path base) {
        this.base = base;
    }

    /** Line {@code line} (1-based) of the file, or null when it cannot be read or has no such line. */
    @Override
    public String apply(String file, Integer line) {
        String[] lines = recent.computeIfAbsent(file, f -> {
            try {
                Path p = Path.of(f);
                byte[] b = TextFiles.readAllBytes(p.isAbsolute() ? p : base.resolve(p));
                return new String(b, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
            } catch (RuntimeException e) {
                return new String[0]; // moved or unreadable since the lint read it: no line text
            }
        });
        return line >= 1 && line <= lines.length ? lines[line - 1] : null;
    }
}
