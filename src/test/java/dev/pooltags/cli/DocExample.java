package dev.pooltags.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example of the README or a docs/*.md page: a fenced code block whose first line starts with {@code $ }. Each
 * {@code $ } line is a command; the lines after it, up to the next {@code $ } line or the end of the block, are what it
 * prints (standard output and standard error together, as a terminal shows them). A comment
 * {@code <!-- example: parse-only: WHY -->} on the line before the fence exempts the block from running: its pooltags
 * commands are only parsed. The convention is written down in docs/examples/README.md.
 */
record DocExample(String file, int line, boolean parseOnly, String reason, List<Step> steps) {

    /** A command with the line it is on and the lines the doc shows it printing. */
    record Step(int line, String command, List<String> expected) {}

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*parse-only:\\s*(.+?)\\s*-->\\s*$");

    /** Every example block of one Markdown file, in document order; {@code name} is how reports name the file. */
    static List<DocExample> read(Path markdown, String name) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<DocExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = fenceOf(lines.get(i));
            if (fence == null) {
                continue;
            }
            int open = i;
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(fence)) {
                close++;
            }
            List<String> body = lines.subList(open + 1, Math.min(close, lines.size()));
            i = close;
            if (body.isEmpty() || !body.get(0).startsWith("$ ")) {
                continue;
            }
            String reason = null;
            int before = open - 1;
            while (before >= 0 && lines.get(before).isBlank()) {
                before--;
            }
            if (before >= 0) {
                Matcher m = MARKER.matcher(lines.get(before).strip());
                if (m.matches()) {
                    reason = m.group(1);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int j = 0; j < body.size(); j++) {
                String l = body.get(j);
                if (l.startsWith("$ ")) {
                    steps.add(new Step(open + 2 + j, l.substring(2), new ArrayList<>()));
                } else {
                    steps.get(steps.size() - 1).expected().add(l);
                }
            }
            examples.add(new DocExample(name, open + 1, reason != null, reason, List.copyOf(steps)));
        }
        return examples;
    }

    /** The fence a line opens ({@code ```} or longer, any info string), or null. */
    private static String fenceOf(String line) {
        String s = line.strip();
        if (!s.startsWith("```")) {
            return null;
        }
        int n = 0;
        while (n < s.length() && s.charAt(n) == '`') {
            n++;
        }
        return s.substring(0, n);
    }

    @Override
    public String toString() {
        return file + ":" + line + (parseOnly ? " (parse-only: " + reason + ")" : "");
    }
}
