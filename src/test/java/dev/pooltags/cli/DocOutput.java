package dev.pooltags.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a doc shows a command printing with what it printed (docs/examples/README.md is the user's copy of
 * these rules). Both sides lose trailing spaces and trailing empty lines, and a wall-clock instant (an ISO-8601 time
 * with a fraction of a second, {@code 2026-12-06T14:40:19.412746487Z}) reads as {@code <instant>} on both. In the doc,
 * a line that is only {@code ...} (or {@code …}) stands for any number of lines, none included; a line ending in
 * {@code ...} (or {@code …}) stands for one line starting with the text before it; and the last line may end with
 * {@code (exit N)}, the exit status the command must return.
 */
final class DocOutput {
    private DocOutput() {}

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z");
    private static final Pattern EXIT = Pattern.compile("^(.*?)\\s*\\(exit (\\d+)\\)$");

    /** What the doc shows: the lines to match and the exit status it names, or null. */
    record Expected(List<String> lines, Integer exit) {}

    static Expected expected(List<String> docLines) {
        List<String> lines = normalise(docLines);
        Integer exit = null;
        if (!lines.isEmpty()) {
            Matcher m = EXIT.matcher(lines.get(lines.size() - 1));
            if (m.matches()) {
                exit = Integer.valueOf(m.group(2));
                lines.set(lines.size() - 1, m.group(1));
                if (m.group(1).isEmpty()) {
                    lines.remove(lines.size() - 1);
                }
            }
        }
        return new Expected(lines, exit);
    }

    /** The printed text as lines, normalised. */
    static List<String> actual(String printed) {
        return normalise(Arrays.asList(printed.split("\r?\n", -1)));
    }

    private static List<String> normalise(List<String> in) {
        List<String> out = new ArrayList<>();
        for (String l : in) {
            out.add(INSTANT.matcher(l.stripTrailing()).replaceAll("<instant>"));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** True when the printed lines are what the doc shows, elisions allowed. */
    static boolean matches(List<String> expected, List<String> actual) {
        Boolean[][] memo = new Boolean[expected.size() + 1][actual.size() + 1];
        return matches(expected, 0, actual, 0, memo);
    }

    private static boolean matches(List<String> e, int i, List<String> a, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean r;
        if (i == e.size()) {
            r = j == a.size();
        } else if (isElision(e.get(i))) {
            r = matches(e, i + 1, a, j, memo) || (j < a.size() && matches(e, i, a, j + 1, memo));
        } else {
            r = j < a.size() && lineMatches(e.get(i), a.get(j)) && matches(e, i + 1, a, j + 1, memo);
        }
        memo[i][j] = r;
        return r;
    }

    static boolean isElision(String line) {
        String s = line.strip();
        return s.equals("...") || s.equals("…");
    }

    static boolean lineMatches(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        String cut = expected.endsWith("...") ? expected.substring(0, expected.length() - 3)
                : expected.endsWith("…") ? expected.substring(0, expected.length() - 1) : null;
        return cut != null && !cut.isBlank() && actual.startsWith(cut.stripTrailing());
    }

    /** The doc's lines and the printed lines side by side from the first line that differs, for a failure message. */
    static String difference(List<String> expected, List<String> actual) {
        int i = 0;
        int j = 0;
        while (i < expected.size() && j < actual.size() && !isElision(expected.get(i))
                && lineMatches(expected.get(i), actual.get(j))) {
            i++;
            j++;
        }
        StringBuilder b = new StringBuilder();
        b.append("first difference at doc output line ").append(i + 1).append(", printed line ").append(j + 1)
                .append("\n--- the doc shows:\n");
        for (String l : expected) {
            b.append("  | ").append(l).append('\n');
        }
        b.append("--- the command printed:\n");
        for (String l : actual) {
            b.append("  | ").append(l).append('\n');
        }
        return b.toString();
    }
}
