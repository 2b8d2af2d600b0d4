package dev.pooltags.lint;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * PT005: a block freed with a tag other than the one it was allocated with, which bug-checks the machine
 * (BAD_POOL_CALLER) when the free runs.
 *
 * <p>The pointer is followed by name: a local variable within its function, a global or a structure member
 * (by its last member names) across the files of the project. Inside a function only the stores that reach the
 * free are considered ({@link ReachingStores}); when the place's earlier value reaches it too (a global, a member),
 * every allocation stored there anywhere in the project is. The rule is deliberately conservative and reports
 * only when the flow is unambiguous: every allocation that may reach the free uses one and the same known tag,
 * nothing else reaches it (no other assignment, no {@code &p} handed to a function, no increment), and the place is
 * not a parameter.
 */
public final class MismatchedFreeTagRule extends Rule {
    public MismatchedFreeTagRule() {
        super("PT005");
    }

    /** Related places listed under a finding; the message counts the rest. */
    private static final int MAX_RELATED = 8;

    /**
     * Routines that take {@code &s} of a UNICODE_STRING (or any structure) and read it or fill its existing buffer,
     * never storing another pointer in it; the case routines only with AllocateDestinationString FALSE. The scan
     * does not count such an {@code &s} as a write into {@code s}.
     */
    private static final Set<String> KEEPS_POINTERS = Set.of("RtlCopyUnicodeString", "RtlAppendUnicodeStringToString",
            "RtlAppendUnicodeToString", "RtlCompareUnicodeString", "RtlEqualUnicodeString", "RtlPrefixUnicodeString",
            "FsRtlIsNameInExpression", "RtlUnicodeStringCopy", "RtlUnicodeStringCat", "RtlUnicodeStringPrintf",
            "RtlUnicodeStringCbCopyN", "RtlUnicodeStringCchCopyN", "RtlUnicodeStringCopyString", "RtlUnicodeStringCatString",
            "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString", "RtlInitEmptyUnicodeString", "DbgPrint", "DbgPrintEx",
            "KdPrint", "KdPrintEx");
    private static final Set<String> NULLS = Set.of("NULL", "nullptr", "0", "FALSE");

    /** True when {@code routine} may leave the pointers of a structure passed as {@code &s} in place. */
    static boolean keepsPointers(String routine) {
        return KEEPS_POINTERS.contains(routine);
    }

    /**
     * True when the call of {@code routine} with {@code args} leaves the pointers of the structure whose {@code &}
     * starts at source offset {@code ampStart} in place.
     */
    static boolean keepsPointers(String routine, List<List<Token>> args, int ampStart) {
        switch (routine) {
            case "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString" -> {
                // with AllocateDestinationString TRUE the routine stores a new buffer of its own
                List<Token> last = args.get(args.size() - 1);
                return args.size() == 3 && last.size() == 1 && last.get(0).text().equals("FALSE");
            }
            case "RtlInitEmptyUnicodeString" -> {
                // stores its second argument as the buffer: harmless only when that is NULL
                return args.size() == 3 && args.get(1).size() == 1 && NULLS.contains(args.get(1).get(0).text())
                        && !args.get(0).isEmpty() && args.get(0).get(0).start() == ampStart;
            }
            default -> {
                return true;
            }
        }
    }

    /** A free with what reaches it inside its function. */
    private record PendingFree(String key, PointerEvent free, List<PointerEvent> stores, boolean entry, boolean overflow) {
    }

    /** Every store of a place followed across functions (a global, a member), gathered from every file. */
    private static final class Place {
        final List<PointerEvent> allocs = new ArrayList<>();
        boolean other;
        Integer tag;
        boolean tagKnown;

        synchronized void add(PointerEvent e) {
            if (e.type() == PointerEvent.Type.ALLOC) {
                allocs.add(e);
            } else if (e.type() == PointerEvent.Type.OTHER) {
                other = true;
            }
        }
    }

    /** What the rule keeps across the files of a run. */
    private static final class State {
        final Map<String, Place> places = new ConcurrentHashMap<>();
        final Queue<PendingFree> frees = new ConcurrentLinkedQueue<>();
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        if (ctx.functions().isEmpty()) {
            return;
        }
        State state = ctx.state(this, State::new);
        Map<Call, Value> tags = new IdentityHashMap<>();
        for (FunctionEvents fn : ctx.functions()) {
            Places.scan(ctx, fn, (key, e) -> state.places.computeIfAbsent(key, k -> new Place()).add(e), fr -> {
                PendingFree pf = new PendingFree(fr.key(), fr.free(), fr.stores(), fr.entry(), false);
                if (pf.entry() && !fr.local()) {
                    state.frees.add(pf); // its value may come from another function: judged when all are known
                } else {
                    judge(ctx, pf, null, tags, out);
                }
            });
        }
    }

    @Override
    public void finish(LintContext ctx, Consumer<Finding> out) {
        State state = ctx.state(this, State::new);
        for (Place p : state.places.values()) {
            p.allocs.sort(java.util.Comparator.comparing(PointerEvent::where));
        }
        Map<Call, Value> tags = new IdentityHashMap<>();
        for (PendingFree pf : state.frees) {
            judge(ctx, pf, state.places, tags, out);
        }
    }

    private static final Integer MIXED = Integer.MIN_VALUE;

    /** The one known tag every allocation of a place uses, or null (unknown, none) or MIXED. */
    private static Integer placeTag(LintContext ctx, Place p, Map<Call, Value> tags) {
        if (p.tagKnown) {
            return p.tag;
        }
        Integer tag = null;
        boolean unknown = false;
        for (PointerEvent a : p.allocs) {
            Value v = tags.computeIfAbsent(a.call(), ctx::tag);
            if (!v.known()) {
                unknown = true;
            } else if (tag != null && tag != v.tag()) {
                tag = MIXED;
                break;
            } else {
                tag = v.tag();
            }
        }
        p.tag = unknown && !MIXED.equals(tag) ? null : tag;
        p.tagKnown = true;
        return p.tag;
    }

    private void judge(LintContext ctx, PendingFree pf, Map<String, Place> places, Map<Call, Value> tags,
            Consumer<Finding> out) {
        PointerEvent free = pf.free();
        Value freeTag = ctx.tag(free.call());
        if (!freeTag.known() || freeTag.tag() == 0) {
            return; // tag 0 does not check
        }
        List<PointerEvent> allocs = new ArrayList<>();
        for (PointerEvent s : pf.stores()) {
            if (s.type() != PointerEvent.Type.ALLOC) {
                return; // another value reaches the free
            }
            allocs.add(s);
        }
        Integer allocTag = null;
        int elsewhere = 0;
        if (places != null) {
            // the value may come from any function of the project that stores into the place
            Place p = places.get(pf.key());
            if (p == null || p.other || free.path().field() && overwrittenWhole(places, pf.key())) {
                return;
            }
            Integer t = placeTag(ctx, p, tags);
            if (t == null || t.equals(MIXED)) {
                return;
            }
            allocTag = t;
            for (PointerEvent a : p.allocs) {
                if (!allocs.contains(a)) {
                    if (allocs.size() < MAX_RELATED) {
                        allocs.add(a);
                    } else {
                        elsewhere++;
                    }
                }
            }
        }
        if (allocs.isEmpty()) {
            return;
        }
        Set<String> allocTexts = new LinkedHashSet<>();
        for (PointerEvent a : allocs) {
            Value v = tags.computeIfAbsent(a.call(), ctx::tag);
            if (!v.known() || allocTag != null && allocTag != v.tag()) {
                return;
            }
            allocTag = v.tag();
            allocTexts.add(a.call().arg(a.call().routine().tagArg()).text());
        }
        if (allocTag == freeTag.tag()) {
            return;
        }
        report(free, freeTag, allocs, elsewhere, allocTexts, PoolTag.ofValue(allocTag), out);
    }

    /** The finding: a free with {@code freeTag} of what {@code allocs} allocated with tag {@code at}. */
    private void report(PointerEvent free, Value freeTag, List<PointerEvent> allocs, int elsewhere,
            Set<String> allocTexts, PoolTag at, Consumer<Finding> out) {
        PoolTag ft = PoolTag.ofValue(freeTag.tag());
        Call fc = free.call();
        Arg tagArg = fc.arg(fc.routine().tagArg());
        PointerEvent first = allocs.get(0);
        int more = allocs.size() - 1 + elsewhere;
        String msg = fc.routine().routineName() + " frees " + free.path().text() + " with tag " + show(ft, tagArg.text())
                + ", but it was allocated with tag " + show(at, allocTexts.iterator().next()) + " at "
                + first.where() + (more > 0 ? " (and " + more + " more)" : "")
                + "; the kernel bug-checks on this free (BAD_POOL_CALLER, 0xC2 with parameter 0xA: wrong tag)";
        List<Finding.Related> rel = new ArrayList<>();
        for (PointerEvent a : allocs) {
            rel.add(new Finding.Related(a.where(), "allocated here by " + a.call().routine().routineName()
                    + " with tag " + at));
        }
        Fix fix = null;
        if (allocTexts.size() == 1 && tagArg.where().file().equals(free.where().file()) && tagArg.where().start() >= 0
                && !tagArg.fromBody()) {
            fix = Fix.replace("Free with the allocation's tag", tagArg.where(), allocTexts.iterator().next());
        }
        // the path to follow: the allocation, into the wrappers it goes through, then the free and its wrappers
        List<Finding.Related> flow = new ArrayList<>();
        flow.add(new Finding.Related(first.where(), "allocated by " + first.call().routine().routineName() + " with tag "
                + at + " and stored in " + first.path().text()));
        if (first.call().wrapper() != null) {
            flow.addAll(first.call().wrapper().through());
        }
        flow.add(new Finding.Related(fc.site(), "freed by " + fc.routine().routineName() + " with tag " + ft));
        if (fc.wrapper() != null) {
            flow.addAll(fc.wrapper().through());
        }
        out.accept(new Finding(id(), severity(), tagArg.fromBody() ? fc.site() : tagArg.where(), msg, fix, rel, false,
                flow));
    }

    private static String show(PoolTag t, String text) {
        String mem = t.toString();
        return text.equals("'" + t.charLiteralText() + "'") ? text + " (" + mem + ")" : text + " = " + mem;
    }

    /** A whole-structure store into the member that holds this one ({@code s->Name = other} for Name.Buffer). */
    private static boolean overwrittenWhole(Map<String, Place> places, String key) {
        int lastColon = key.lastIndexOf(':');
        String prefix = key.substring(0, lastColon + 1);
        String members = key.substring(lastColon + 1);
        int dot = members.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String outer = members.substring(0, dot);
        Place p = places.get(prefix + outer);
        return p != null && p.other;
    }

}
