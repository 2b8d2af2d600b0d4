package dev.pooltags.lint;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every tag a source tree passes to a pool routine, with where and how: {@code pooltags lint --tags}. */
public final class TagInventory {
    private TagInventory() {}

    /** The tag uses of one piece of the scan, unsorted; frees are left out (they repeat the allocation's tag). */
    public static List<TagUse> uses(LintContext ctx) {
        List<TagUse> out = new ArrayList<>();
        for (Call c : ctx.taggedAllocations()) {
            Value v = ctx.tag(c);
            if (!v.known() || v.tag() == 0 && c.routine().kind() == PoolRoutine.Kind.FRAMEWORK) {
                continue;
            }
            Arg a = c.arg(c.routine().tagArg());
            if (c.inDefinition() && !a.fromBody()) {
                continue;
            }
            String constant = v.named() != null ? v.named().name() : a.text();
            Location def = v.named() != null ? v.named().where() : null;
            Location site = c.inDefinition() ? c.callee() : c.site();
            out.add(new TagUse(PoolTag.ofValue(v.tag()), c.routine().routineName(), site, constant, def, ctx.project(c)));
        }
        return out;
    }

    /** Uses by tag then place, one per tag and place. */
    public static List<TagUse> sorted(List<TagUse> uses) {
        List<TagUse> out = new ArrayList<>(uses);
        out.sort(Comparator.comparing(TagUse::tag).thenComparing(TagUse::site));
        List<TagUse> unique = new ArrayList<>();
        for (TagUse u : out) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).site().equals(u.site())
                    || !unique.get(unique.size() - 1).tag().equals(u.tag())) {
                unique.add(u);
            }
        }
        return unique;
    }
}
