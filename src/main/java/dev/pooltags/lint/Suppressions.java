package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file silences rules: {@code // pooltags: ignore PT005} (on the line, or alone on the line before;
 * without ids it silences every rule), {@code #pragma warning(suppress: 28134)} and {@code #pragma
 * prefast(suppress: 28134)} for the next line of code, and {@code #pragma warning(disable: 28134)} from there to the
 * end of the file. The Code Analysis warnings map to the rules that find the same mistake.
 */
public final class Suppressions {
    /** Matches every rule. */
    public static final String ALL = "*";

    private static final Pattern IGNORE = Pattern.compile("pooltags:\\s*ignore\\b([\\sA-Za-z0-9,]*)");
    private static final Pattern RULE_ID = Pattern.compile("(?i)PT\\d{3}");
    private static final Map<String, List<String>> ANALYSIS_CODES = Map.of(
            "28134", List.of("PT001"),
            "28147", List.of("PT002"),
            "28751", List.of("PT003", "PT004"),
            "4996", List.of("PT004"),
            "30029", List.of("PT006"),
            "30030", List.of("PT006"));

    private final Map<Integer, Set<String>> byLine;
    private final List<int[]> disabledFromIndex;
    private final List<String> disabledRules;

    private Suppressions(Map<Integer, Set<String>> byLine, List<int[]> disabledFrom, List<String> disabledRules) {
        this.byLine = byLine;
        this.disabledFromIndex = disabledFrom;
        this.disabledRules = disabledRules;
    }

    public static Suppressions none() {
        return new Suppressions(Map.of(), List.of(), List.of());
    }

    /** Reads the suppressions of one tokenized file. */
    public static Suppressions of(Tokenizer.Result r) {
        TokenList tokens = r.tokens();
        Map<Integer, Set<String>> byLine = new HashMap<>();
        List<int[]> from = new ArrayList<>();
        List<String> fromRules = new ArrayList<>();
        for (Comment c : r.comments()) {
            if (!c.text().contains("pooltags")) {
                continue;
            }
            Matcher m = IGNORE.matcher(c.text());
            if (!m.find()) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            Matcher id = RULE_ID.matcher(m.group(1));
            while (id.find()) {
                ids.add(id.group().toUpperCase(Locale.ROOT));
            }
            if (ids.isEmpty()) {
                ids.add(ALL);
            }
            int line = c.trailing() ? c.line() : nextCodeLine(tokens, c.endLine());
            byLine.computeIfAbsent(line, k -> new HashSet<>()).addAll(ids);
        }
        for (int at : tokens.directiveIndices()) {
            Token t = tokens.get(at);
            if (!t.text().equals("pragma")) {
                continue;
            }
            List<Token> d = t.directive().tokens();
            if (d.size() < 4 || !(d.get(0).text().equals("warning") || d.get(0).text().equals("prefast"))) {
                continue;
            }
            String kind = d.get(2).text();
            List<String> rules = new ArrayList<>();
            for (int k = 3; k < d.size(); k++) {
                List<String> mapped = ANALYSIS_CODES.get(d.get(k).text());
                if (mapped != null) {
                    rules.addAll(mapped);
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            if (kind.equals("suppress")) {
                byLine.computeIfAbsent(nextCodeLine(tokens, t.endLine()), k -> new HashSet<>()).addAll(rules);
            } else if (kind.equals("disable")) {
                for (String rule : rules) {
                    from.add(new int[] {t.line()});
                    fromRules.add(rule);
                }
            }
        }
        return new Suppressions(byLine, from, fromRules);
    }

    /** The line of the first code token after {@code line} (directives and comments are not code). */
    private static int nextCodeLine(TokenList tokens, int line) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.line(mid) <= line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < tokens.size(); k++) {
            if (tokens.kind(k) != Token.Kind.DIRECTIVE) {
                return tokens.line(k);
            }
        }
        return line + 1;
    }

    /** True when the file disables rule {@code id} with a {@code #pragma warning(disable: ...)} (it then reaches includers). */
    public boolean disablesFileWide(String id) {
        return disabledRules.contains(id);
    }

    /** True when rule {@code id} is silenced on {@code line}. */
    public boolean suppresses(String id, int line) {
        Set<String> s = byLine.get(line);
        if (s != null && (s.contains(ALL) || s.contains(id))) {
            return true;
        }
        for (int k = 0; k < disabledRules.size(); k++) {
            if (disabledRules.get(k).equals(id) && line >= disabledFromIndex.get(k)[0]) {
                return true;
            }
        }
        return false;
    }
}
