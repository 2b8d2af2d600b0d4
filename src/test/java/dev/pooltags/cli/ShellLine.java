package dev.pooltags.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The pooltags invocations in one shell command line of a doc, for the examples that are parsed and not run: words
 * split as a POSIX shell splits them (single and double quotes, backslashes), commands separated by {@code ;},
 * {@code &&}, {@code ||}, {@code |} and {@code &}, redirections and a trailing {@code #} comment dropped, and
 * {@code VAR=value} assignments and a {@code timeout} prefix skipped. No expansion: a doc's example has none.
 */
final class ShellLine {
    private ShellLine() {}

    /** The argument lists of every {@code pooltags} or {@code ./pooltags} command on the line. */
    static List<List<String>> pooltagsCommands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean skipNext = false;
        for (Word w : words(line)) {
            if (w.operator()) {
                if (w.text().startsWith(">") || w.text().startsWith("<") || w.text().matches("\\d[<>].*")) {
                    skipNext = w.text().matches("\\d?[<>]+&?"); // a target follows unless written together
                    continue;
                }
                commands.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (skipNext) {
                skipNext = false;
                continue;
            }
            current.add(w.text());
        }
        commands.add(current);
        List<List<String>> found = new ArrayList<>();
        for (List<String> c : commands) {
            int k = 0;
            while (k < c.size() && c.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                k++;
            }
            if (k < c.size() && c.get(k).equals("timeout")) {
                k++;
                while (k < c.size() && c.get(k).startsWith("-")) {
                    k += c.get(k).equals("-s") || c.get(k).equals("-k") ? 2 : 1;
                }
                k++; // the duration
            }
            if (k < c.size() && (c.get(k).equals("pooltags") || c.get(k).equals("./pooltags"))) {
                found.add(List.copyOf(c.subList(k + 1, c.size())));
            }
        }
        return found;
    }

    private record Word(String text, boolean operator) {}

    private static List<Word> words(String line) {
        List<Word> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                w.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    w.append(line.charAt(i++));
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unclosed \" in: " + line);
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Word(w.toString(), false));
                    w.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if ("|&;<>".indexOf(c) >= 0) {
                String digits = inWord && w.toString().matches("\\d") && (c == '<' || c == '>') ? w.toString() : "";
                if (inWord && digits.isEmpty()) {
                    out.add(new Word(w.toString(), false));
                }
                w.setLength(0);
                inWord = false;
                int j = i + 1;
                while (j < line.length() && "|&;<>".indexOf(line.charAt(j)) >= 0 && line.charAt(j) != ';') {
                    j++;
                }
                String op = digits + line.substring(i, j);
                if (op.startsWith(">") || op.startsWith("<") || !digits.isEmpty()) {
                    // a redirection: the target may be glued on (>/dev/null)
                    int k = j;
                    while (k < line.length() && !Character.isWhitespace(line.charAt(k))
                            && "|&;<>".indexOf(line.charAt(k)) < 0) {
                        k++;
                    }
                    out.add(new Word(op + line.substring(j, k), true));
                    i = k;
                } else {
                    out.add(new Word(op, true));
                    i = j;
                }
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(new Word(w.toString(), false));
        }
        return out;
    }
}
