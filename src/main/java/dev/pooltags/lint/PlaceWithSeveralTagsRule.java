package dev.pooltags.lint;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * PT009: a place that outlives a function (a global, a class member, a member path) is given blocks of two or more
 * tags by different functions, and a free of it takes whatever is there. PT005 cannot tell which block such a free
 * meets, so instead of guessing this rule says so: the free bug-checks whenever the block there is of another tag,
 * and the pool usage of the place cannot be told apart. Member paths through a pointer count only when one
 * structure of the scan has a member of that name ({@code ->Buffer} of a dozen structures is not one place).
 */
public final class PlaceWithSeveralTagsRule extends Rule {
    public PlaceWithSeveralTagsRule() {
        super("PT009");
    }

    /** What was stored in a place, and the frees that take whatever is there. */
    private static final class Place {
        final List<PointerEvent> allocs = new ArrayList<>();
        boolean other;

        synchronized void add(PointerEvent e) {
            if (e.type() == PointerEvent.Type.ALLOC) {
                allocs.add(e);
            } else {
                other = true;
            }
        }
    }

    private static final class State {
        final Map<String, Place> places = new ConcurrentHashMap<>();
        final Queue<Places.FreeReach> frees = new ConcurrentLinkedQueue<>();
    }

    /** Related allocations listed per finding. */
    private static final int MAX_RELATED = 6;

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        if (ctx.functions().isEmpty()) {
            return;
        }
        State state = ctx.state(this, State::new);
        for (FunctionEvents fn : ctx.functions()) {
            Places.scan(ctx, fn, (key, e) -> state.places.computeIfAbsent(key, k -> new Place()).add(e), fr -> {
                if (fr.entry() && !fr.local() && fr.stores().isEmpty()) {
                    state.frees.add(fr);
                }
            });
        }
    }

    @Override
    public void finish(LintContext ctx, Consumer<Finding> out) {
        State state = ctx.state(this, State::new);
        Map<Call, Value> values = new IdentityHashMap<>();
        for (Places.FreeReach fr : state.frees) {
            Place p = state.places.get(fr.key());
            if (p == null || p.other || !specific(ctx, fr)) {
                continue;
            }
            Value freeTag = ctx.tag(fr.free().call());
            if (!freeTag.known() || freeTag.tag() == 0) {
                continue;
            }
            // the allocations by tag, each tag's first place in file order
            Map<Integer, List<PointerEvent>> byTag = new TreeMap<>();
            List<PointerEvent> allocs = new ArrayList<>(p.allocs);
            allocs.sort((a, b) -> a.where().compareTo(b.where()));
            for (PointerEvent a : allocs) {
                Value v = values.computeIfAbsent(a.call(), ctx::tag);
                if (!v.known()) {
                    byTag.clear();
                    break;
                }
                byTag.computeIfAbsent(v.tag(), k -> new ArrayList<>()).add(a);
            }
            if (byTag.size() < 2) {
                continue;
            }
            List<String> kinds = new ArrayList<>();
            List<Finding.Related> rel = new ArrayList<>();
            byTag.entrySet().stream().sorted((a, b) -> a.getValue().get(0).where().compareTo(b.getValue().get(0).where()))
                    .forEach(e -> {
                        PointerEvent first = e.getValue().get(0);
                        PoolTag t = PoolTag.ofValue(e.getKey());
                        kinds.add(t + " (" + first.call().routine().routineName() + " at " + first.where()
                                + (e.getValue().size() > 1 ? " and " + (e.getValue().size() - 1) + " more" : "") + ")");
                        for (PointerEvent a : e.getValue()) {
                            if (rel.size() < MAX_RELATED) {
                                rel.add(new Finding.Related(a.where(), "stores a block with tag " + t + " here"));
                            }
                        }
                    });
            Call fc = fr.free().call();
            Arg tagArg = fc.arg(fc.routine().tagArg());
            Location where = tagArg.fromBody() || tagArg.where().start() < 0 ? fc.site() : tagArg.where();
            out.accept(new Finding(id(), severity(), where, fc.routine().routineName() + " frees "
                    + fr.free().path().text() + " with tag " + PoolTag.ofValue(freeTag.tag()) + ", but that place is given "
                    + "blocks of " + byTag.size() + " tags: " + String.join(", ", kinds) + "; whichever is there when "
                    + "this runs decides whether the kernel bug-checks, and their pool usage cannot be told apart",
                    null, rel, false));
        }
    }

    /** A place that is one place: a global, a class member, or a member name only one structure has. */
    private static boolean specific(LintContext ctx, Places.FreeReach fr) {
        if (!fr.key().contains(":F:")) {
            return true;
        }
        String last = fr.free().path().lastName();
        String bare = last.endsWith("[]") ? last.substring(0, last.length() - 2) : last;
        return ctx.scope().memberOwners(bare) == 1;
    }
}
