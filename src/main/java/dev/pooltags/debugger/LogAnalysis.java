package dev.pooltags.debugger;

import dev.pooltags.debugger.DebuggerAnswer.CallerGroup;
import dev.pooltags.debugger.DebuggerAnswer.ClueKind;
import dev.pooltags.debugger.DebuggerAnswer.NextStep;
import dev.pooltags.debugger.DebuggerAnswer.OwnerClue;
import dev.pooltags.debugger.DebuggerAnswer.PageView;
import dev.pooltags.debugger.DebuggerAnswer.TopTag;
import dev.pooltags.debugger.DebuggerAnswer.Usage;
import dev.pooltags.poolblock.BlockKind;
import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.BlockSummary;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.OwnerNote;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the logs of one case into one {@link DebuggerAnswer}: pure, no I/O. The tag followed is the one asked for, else
 * the one the last {@code !poolfind} searched, else the one with the most bytes in the last {@code !poolused}. Owner
 * evidence is ranked: the tag files' entries, what the debugger's own pooltag.txt printed ({@code !pool}, then
 * {@code !poolused}), then the code Driver Verifier saw allocating ({@code !verifier 3} callers and drivers,
 * {@code !verifier 0x80} stacks); each is matched against the modules {@code lm} listed.
 */
public final class LogAnalysis {
    /** Tracked allocations listed per caller. */
    static final int EXAMPLES = 3;

    private LogAnalysis() {}

    /**
     * The answer.
     *
     * @param logs   the logs, in the order given (the last {@code !poolused} of the last log is the current state)
     * @param tags   the tag files' entries (may be empty)
     * @param wanted the tag to follow, when the user named one
     * @param top    how many top tags to list
     */
    public static DebuggerAnswer analyze(List<DebuggerLog> logs, TagDatabase tags, Optional<PoolTag> wanted, int top) {
        Gathered all = gather(logs);
        List<TopTag> topTags = new ArrayList<>();
        Optional<Origin> topFrom = currentState(all, top, topTags);

        // the tag followed
        Optional<PoolTag> tag = wanted.map(PoolTag::unprotected);
        String why;
        if (tag.isPresent()) {
            why = "asked for";
        } else {
            PoolFindResult lastFind = null;
            for (PoolFindResult f : all.finds) {
                if (f.tag().isPresent()) {
                    lastFind = f;
                }
            }
            if (lastFind != null) {
                tag = Optional.of(lastFind.tag().get().unprotected());
                why = "searched for with !poolfind (" + lastFind.origin().text() + ")";
            } else if (!topTags.isEmpty()) {
                tag = Optional.of(topTags.get(0).poolused().tag().unprotected());
                why = "the most bytes in !poolused (" + topTags.get(0).origin().text() + ")";
            } else {
                why = "no !poolused, !poolfind or --tag names one";
            }
        }

        List<Usage> usage = new ArrayList<>();
        List<PoolFindResult> finds = new ArrayList<>();
        List<PoolBlock> blocks = new ArrayList<>();
        List<PageView> pages = new ArrayList<>();
        List<CallerGroup> outstanding = new ArrayList<>();
        List<PoolLogEntry> history = new ArrayList<>();
        List<OwnerClue> owners = new ArrayList<>();
        int otherTracked = 0;
        if (tag.isPresent()) {
            PoolTag t = tag.get();
            usage.addAll(usage(all, t));
            findsOf(all, t, finds, blocks);
            for (PoolPage p : all.pages) {
                boolean of = p.markedBlock().map(b -> b.matches(t)).orElse(false);
                pages.add(new PageView(p, of));
            }
            pages.sort(Comparator.comparing((PageView v) -> !v.ofTag())); // stable: log order within each
            otherTracked = outstanding(all, t, outstanding);
            history.addAll(history(all, t, blocks, pages));
            List<AllocationStack> tagStacks = all.stacks.stream()
                    .filter(x -> x.tag().map(y -> y.unprotected().equals(t)).orElse(false)).toList();
            owners.addAll(owners(t, tags, usage, pages, tagStacks, outstanding, history, all.modules));
        } else {
            otherTracked = all.tracked.size();
        }
        BlockSummary summary = BlockSummary.of(blocks);
        DebuggerAnswer partial = new DebuggerAnswer(logs, topTags, topFrom, tag, why, usage, finds, blocks, summary, pages,
                outstanding, otherTracked, history, owners, List.of());
        return new DebuggerAnswer(logs, topTags, topFrom, tag, why, usage, finds, blocks, summary, pages, outstanding,
                otherTracked, history, owners, NextSteps.of(partial, logs, all.modules));
    }

    /** What every log holds, in log order: one list per kind of output. */
    private static final class Gathered {
        final List<PoolUsedText.Table> tables = new ArrayList<>();
        final Map<PoolUsedText.Table, String> tableFile = new LinkedHashMap<>();
        final List<PoolFindResult> finds = new ArrayList<>();
        final List<PoolPage> pages = new ArrayList<>();
        final List<TrackedAllocation> tracked = new ArrayList<>();
        final List<PoolLogEntry> poolLog = new ArrayList<>();
        final List<LoadedModule> modules = new ArrayList<>();
        final List<AllocationStack> stacks = new ArrayList<>();
    }

    private static Gathered gather(List<DebuggerLog> logs) {
        Gathered all = new Gathered();
        for (DebuggerLog l : logs) {
            all.stacks.addAll(l.stacks());
            for (PoolUsedText.Table t : l.poolUsed()) {
                all.tables.add(t);
                all.tableFile.put(t, l.file());
            }
            all.finds.addAll(l.finds());
            all.pages.addAll(l.pages());
            l.verifier().forEach(v -> all.tracked.addAll(v.allocations()));
            all.poolLog.addAll(l.poolLog());
            all.modules.addAll(l.modules());
        }
        return all;
    }

    /**
     * The current state: the top tags of the last standard-pool table (a session table when there is no other),
     * added to {@code topTags}; returns where that table is.
     */
    private static Optional<Origin> currentState(Gathered all, int top, List<TopTag> topTags) {
        PoolUsedText.Table last = null;
        for (PoolUsedText.Table t : all.tables) {
            if (!t.session() || last == null || last.session()) {
                last = t;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        String file = all.tableFile.get(last);
        // the tables of the same log and moment (!poolused 2 then !poolused 4, both cut to their top rows) are one state
        Map<PoolTag, PoolUsedText.Row> now = new LinkedHashMap<>();
        for (PoolUsedText.Table t : all.tables) {
            if (all.tableFile.get(t).equals(file) && t.session() == last.session() && t.time().equals(last.time())) {
                t.rows().forEach(r -> now.put(r.tag(), r));
            }
        }
        List<PoolUsedText.Row> rows = new ArrayList<>(now.values());
        rows.sort(Comparator.comparingLong(PoolUsedText.Row::bytes).reversed().thenComparing(PoolUsedText.Row::tag));
        for (int i = 0; i < rows.size() && i < top; i++) {
            topTags.add(topTag(rows.get(i), file));
        }
        return Optional.of(Origin.line(file, last.headerLine()));
    }

    /** The tag's row of every {@code !poolused} table. */
    private static List<Usage> usage(Gathered all, PoolTag t) {
        List<Usage> usage = new ArrayList<>();
        for (PoolUsedText.Table tb : all.tables) {
            for (PoolUsedText.Row r : tb.rows()) {
                if (r.tag().unprotected().equals(t)) {
                    usage.add(new Usage(tb.time(), topTag(r, all.tableFile.get(tb))));
                }
            }
        }
        return usage;
    }

    /** The {@code !poolfind} results for the tag, and their blocks of the tag (each address once). */
    private static void findsOf(Gathered all, PoolTag t, List<PoolFindResult> finds, List<PoolBlock> blocks) {
        Set<Long> seen = new HashSet<>();
        for (PoolFindResult f : all.finds) {
            boolean forTag = f.tag().map(x -> x.unprotected().equals(t)).orElse(false)
                    || f.tag().isEmpty() && f.hits().stream().anyMatch(b -> b.matches(t));
            if (!forTag) {
                continue;
            }
            finds.add(f);
            for (PoolBlock b : f.hits()) {
                if (b.matches(t) && seen.add(b.address())) {
                    blocks.add(b);
                }
            }
        }
    }

    /** The tag's tracked allocations grouped by caller, most first; returns how many tracked ones are of other tags. */
    private static int outstanding(Gathered all, PoolTag t, List<CallerGroup> outstanding) {
        int otherTracked = 0;
        Map<String, List<TrackedAllocation>> byCaller = new LinkedHashMap<>();
        for (TrackedAllocation a : all.tracked) {
            if (a.tag().unprotected().equals(t)) {
                byCaller.computeIfAbsent(a.driver() + "\u0000" + a.caller(), k -> new ArrayList<>()).add(a);
            } else {
                otherTracked++;
            }
        }
        for (List<TrackedAllocation> g : byCaller.values()) {
            long bytes = g.stream().mapToLong(TrackedAllocation::size).sum();
            outstanding.add(new CallerGroup(g.get(0).driver(), g.get(0).caller(), g.size(), bytes, g.subList(0, Math.min(EXAMPLES, g.size()))));
        }
        outstanding.sort(Comparator.comparingInt(CallerGroup::count).reversed());
        return otherTracked;
    }

    /** The {@code !verifier 0x80} pool log entries touching the tag's blocks, tracked allocations or marked pages. */
    private static List<PoolLogEntry> history(Gathered all, PoolTag t, List<PoolBlock> blocks, List<PageView> pages) {
        List<PoolLogEntry> history = new ArrayList<>();
        for (PoolLogEntry e : all.poolLog) {
            boolean hit = blocks.stream().anyMatch(b -> b.contains(e.address()) || e.contains(b.address()))
                    || all.tracked.stream().anyMatch(a -> a.tag().unprotected().equals(t) && e.contains(a.address()))
                    || pages.stream().anyMatch(v -> v.ofTag() && v.page().markedBlock().map(b -> b.contains(e.address())).orElse(false));
            if (hit) {
                history.add(e);
            }
        }
        return history;
    }

    private static TopTag topTag(PoolUsedText.Row r, String file) {
        return new TopTag(r, Origin.line(file, r.line()));
    }

    private static List<OwnerClue> owners(PoolTag t, TagDatabase tags, List<Usage> usage, List<PageView> pages, List<AllocationStack> stacks,
            List<CallerGroup> outstanding, List<PoolLogEntry> history, List<LoadedModule> modules) {
        List<OwnerClue> out = new ArrayList<>();
        for (TagMatch m : tags.lookup(t)) {
            var src = m.entry().source();
            out.add(clue(ClueKind.TAG_FILE, m.entry().binary(), (m.kind() == TagMatch.Kind.WILDCARD ? "wildcard " + m.entry().tagText() + ": " : "")
                    + m.entry().description(), Origin.line(src.file(), Math.max(1, src.line())), modules));
        }
        Set<String> said = new HashSet<>();
        for (PageView v : pages) {
            if (!v.ofTag()) {
                continue;
            }
            Optional<OwnerNote> o = v.page().owner();
            if (o.isPresent() && said.add("pool\u0000" + o.get().description() + o.get().binary())) {
                String d = o.get().known() ? o.get().description() : "the debugger's pooltag.txt has no entry";
                out.add(clue(ClueKind.POOL, o.get().binary(), d, o.get().origin(), modules));
            }
        }
        for (Usage u : usage) {
            String desc = u.row().description();
            String binary = binaryOf(desc);
            String text = desc.isEmpty() ? "the debugger's pooltag.txt has no entry" : ownerOf(desc);
            if (said.add("used\u0000" + desc)) {
                out.add(clue(ClueKind.POOLUSED, binary, text, u.origin(), modules));
            }
        }
        Set<String> callers = new HashSet<>();
        for (AllocationStack st : stacks) {
            String mod = st.callerModule();
            if (!mod.isEmpty() && callers.add("s" + mod.toLowerCase(Locale.ROOT))) {
                out.add(clue(ClueKind.ALLOCATION_STACK, mod, "allocated by " + st.caller() + " (breakpoint: " + st.breakpoint() + ")",
                        st.origin(), modules));
            }
        }
        for (CallerGroup g : outstanding) {
            for (TrackedAllocation a : g.examples()) {
                String mod = a.callerModule();
                if (!mod.isEmpty() && callers.add("c" + mod.toLowerCase(Locale.ROOT))) {
                    out.add(clue(ClueKind.TRACKED_CALLER, mod, g.count() + " outstanding allocation" + (g.count() == 1 ? "" : "s")
                            + " from " + a.caller(), a.origin(), modules));
                }
                if (callers.add("d" + a.driver().toLowerCase(Locale.ROOT))) {
                    out.add(clue(ClueKind.VERIFIED_DRIVER, a.driver(), "the verified driver the allocations are charged to", a.origin(), modules));
                }
            }
        }
        for (PoolLogEntry e : history) {
            String c = e.caller();
            int bang = c.indexOf('!');
            if (bang > 0 && callers.add("l" + c.substring(0, bang).toLowerCase(Locale.ROOT))) {
                out.add(clue(ClueKind.LOG_CALLER, c.substring(0, bang), (e.operation() == PoolLogEntry.Operation.FREE ? "freed by " : "allocated by ")
                        + c, e.origin(), modules));
            }
        }
        return out;
    }

    private static OwnerClue clue(ClueKind kind, String binary, String description, Origin origin, List<LoadedModule> modules) {
        Optional<LoadedModule> m = Optional.empty();
        if (!binary.isBlank() && !binary.startsWith("<")) {
            for (LoadedModule lm : modules) {
                if (lm.isBinary(binary)) {
                    m = Optional.of(lm);
                    if (!lm.unloaded()) {
                        break;
                    }
                }
            }
        }
        return new OwnerClue(kind, binary.strip(), description.strip(), origin, m);
    }

    /** The binary a {@code !poolused} description names ({@code , Binary: i8042prt.sys}). */
    static String binaryOf(String description) {
        int b = description.lastIndexOf("Binary:");
        return b < 0 ? "" : description.substring(b + "Binary:".length()).strip();
    }

    /** The description without its binary part. */
    static String ownerOf(String description) {
        int b = description.lastIndexOf("Binary:");
        String d = b < 0 ? description : description.substring(0, b);
        d = d.strip();
        return d.endsWith(",") ? d.substring(0, d.length() - 1).strip() : d;
    }

    /** The most common size among allocated blocks, and the first allocated block of that size: what to inspect with {@code !pool}. */
    static Optional<PoolBlock> typicalBlock(List<PoolBlock> blocks) {
        Map<Long, Integer> bySize = new LinkedHashMap<>();
        for (PoolBlock b : blocks) {
            if (b.state() != BlockState.FREE && b.kind() != BlockKind.LARGE) {
                bySize.merge(b.size(), 1, Integer::sum);
            }
        }
        long best = -1;
        int n = 0;
        for (Map.Entry<Long, Integer> e : bySize.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        for (PoolBlock b : blocks) {
            if (b.size() == best && b.state() != BlockState.FREE && b.kind() != BlockKind.LARGE) {
                return Optional.of(b);
            }
        }
        return blocks.stream().filter(b -> b.state() != BlockState.FREE).findFirst();
    }
}
