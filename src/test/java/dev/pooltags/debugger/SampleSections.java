package dev.pooltags.debugger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of ../shared/data/tool-output as they sit in their files: each section's lines keep their place and
 * everything else is blanked, so a reader's line numbers are the file's.
 */
final class SampleSections {
    static final Path DATA = Path.of("../shared/data/tool-output");
    static final Path MSDOCS = DATA.resolve("msdocs_windbg_samples.txt");
    static final Path REAL = DATA.resolve("realworld_samples.md");

    private SampleSections() {}

    /** The lines of the file with only the section's lines kept. */
    record Section(String title, Path file, List<String> lines, int first, int last) {
        /** The section's own lines, without the blanked rest. */
        List<String> own() {
            return lines.subList(first, last + 1);
        }
    }

    /** Every "=== path #n" section of the Microsoft samples. */
    static Map<String, Section> msdocs() throws IOException {
        List<String> all = Files.readAllLines(MSDOCS, StandardCharsets.ISO_8859_1);
        Map<String, Section> out = new LinkedHashMap<>();
        String title = null;
        int start = -1;
        for (int i = 0; i <= all.size(); i++) {
            if (i == all.size() || all.get(i).startsWith("=== ")) {
                if (title != null) {
                    out.put(title, keep(title, MSDOCS, all, start, i - 1));
                }
                if (i < all.size()) {
                    title = all.get(i).substring(4).strip();
                    start = i + 1;
                }
            }
        }
        return out;
    }

    /** The fenced code blocks of the realworld samples' section "## N." (all of its blocks). */
    static Section real(int n) throws IOException {
        List<String> all = Files.readAllLines(REAL, StandardCharsets.UTF_8);
        int h = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("## " + n + ".")) {
                h = i;
                break;
            }
        }
        if (h < 0) {
            throw new IllegalArgumentException("no section " + n);
        }
        List<String> kept = new ArrayList<>(Collections.nCopies(all.size(), ""));
        boolean in = false;
        int first = -1;
        int last = -1;
        for (int i = h + 1; i < all.size() && !all.get(i).startsWith("## "); i++) {
            String l = all.get(i);
            if (l.startsWith("```")) {
                in = !in;
                continue;
            }
            if (in) {
                kept.set(i, l);
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return new Section("realworld " + n, REAL, kept, first, last);
    }

    private static Section keep(String title, Path file, List<String> all, int from, int to) {
        List<String> kept = new ArrayList<>(Collections.nCopies(all.size(), ""));
        for (int i = from; i <= to; i++) {
            kept.set(i, all.get(i));
        }
        return new Section(title, file, kept, from, to);
    }
}
