package dev.pooltags.lint;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * PT005: a block freed with a tag other than the one it was allocated with, which bug-checks the machine
 * (BAD_POOL_CALLER) when the free runs.
 *
 * <p>The pointer is followed by name: a local variable within its function, a global or a structure member
 * (by its last member names) across the files of the project. The rule is deliberately conservative and reports
 * only when the flow is unambiguous: every allocation stored in that place uses one and the same known tag,
 * nothing else is ever stored there (no other assignment, no {@code &p} handed to a function, no increment), the
 * place is not a parameter, and for a local the allocation comes before the free.
 */
public final class MismatchedFreeTagRule extends Rule {
    public MismatchedFreeTagRule() {
        super("PT005", "FreeWithDifferentTag", Severity.ERROR,
                "Block freed with a different tag than it was allocated with",
                "ExFreePoolWithTag, ExFreePool2, NdisFreeMemoryWithTagPriority and FltFreePoolAlignedWithTag check "
                + "that the tag given matches the block's tag (including PROTECTED_POOL) and bug-check the machine "
                + "with BAD_POOL_CALLER (0xC2, first parameter 0xA: pool freed with the wrong tag) when it does not. The finding names the allocation the pointer comes "
                + "from. Fix: free with the allocation's tag, preferably one named constant per kind of block used "
                + "by both calls. The rule follows locals within a function and globals and structure members across "
                + "the files of a project, and stays silent whenever another value could reach the pointer.");
    }

    private record Keyed(String key, PointerEvent e) {
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        Map<String, List<PointerEvent>> byKey = new HashMap<>();
        List<Keyed> frees = new ArrayList<>();
        for (FileFacts f : ctx.files()) {
            for (PointerEvent e : f.events()) {
                String key = key(ctx, e);
                if (key == null) {
                    continue;
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
                if (e.type() == PointerEvent.Type.FREE) {
                    frees.add(new Keyed(key, e));
                }
            }
        }
        for (Keyed kf : frees) {
            PointerEvent free = kf.e();
            Value freeTag = ctx.tag(free.call());
            if (!freeTag.known() || freeTag.tag() == 0) {
                continue; // tag 0 does not check
            }
            List<PointerEvent> allocs = new ArrayList<>();
            boolean ambiguous = false;
            for (PointerEvent e : byKey.get(kf.key())) {
                if (e.type() == PointerEvent.Type.ALLOC) {
                    allocs.add(e);
                } else if (e.type() == PointerEvent.Type.OTHER) {
                    ambiguous = true;
                }
            }
            if (ambiguous || allocs.isEmpty() || free.path().field() && overwrittenWhole(byKey, kf.key())) {
                continue;
            }
            boolean local = kf.key().startsWith("L:");
            if (local && allocs.stream().noneMatch(a -> a.order() < free.order())) {
                continue;
            }
            Integer allocTag = null;
            Set<String> allocTexts = new LinkedHashSet<>();
            for (PointerEvent a : allocs) {
                Value v = ctx.tag(a.call());
                if (!v.known() || allocTag != null && allocTag != v.tag()) {
                    allocTag = null;
                    allocTexts.clear();
                    break;
                }
                allocTag = v.tag();
                allocTexts.add(a.call().arg(a.call().routine().tagArg()).text());
            }
            if (allocTag == null || allocTag == freeTag.tag()) {
                continue;
            }
            PoolTag at = PoolTag.ofValue(allocTag);
            PoolTag ft = PoolTag.ofValue(freeTag.tag());
            Call fc = free.call();
            Arg tagArg = fc.arg(fc.routine().tagArg());
            PointerEvent first = allocs.get(0);
            String msg = fc.routine().routineName() + " frees " + free.path().text() + " with tag " + show(ft, tagArg.text())
                    + ", but it was allocated with tag " + show(at, allocTexts.iterator().next()) + " at "
                    + first.where() + (allocs.size() > 1 ? " (and " + (allocs.size() - 1) + " more)" : "")
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
            out.accept(new Finding(id(), severity(), tagArg.fromBody() ? fc.site() : tagArg.where(), msg, fix, rel, false));
        }
    }

    private static String show(PoolTag t, String text) {
        String mem = t.toString();
        return text.equals("'" + t.charLiteralText() + "'") ? text + " (" + mem + ")" : text + " = " + mem;
    }

    /** A whole-structure store into the member that holds this one ({@code s->Name = other} for Name.Buffer). */
    private static boolean overwrittenWhole(Map<String, List<PointerEvent>> byKey, String key) {
        int lastColon = key.lastIndexOf(':');
        String prefix = key.substring(0, lastColon + 1);
        String members = key.substring(lastColon + 1);
        int dot = members.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String outer = members.substring(0, dot);
        List<PointerEvent> es = byKey.get(prefix + outer);
        return es != null && es.stream().anyMatch(e -> e.type() == PointerEvent.Type.OTHER);
    }

    /** The identity of the pointer an event touches, or null when it cannot be followed. */
    private static String key(LintContext ctx, PointerEvent e) {
        Project p = ctx.scope().project(e.where().file());
        if (p != null && p.userMode()) {
            return null;
        }
        String proj = p == null ? "?" : p.id();
        if (e.param()) {
            return null;
        }
        PointerPath p0 = e.path();
        boolean global = ctx.scope().isGlobal(e.where().file(), p0.base());
        if (p0.field() && !p0.dotBase()) {
            return "P:" + proj + ":F:" + p0.key(); // through a pointer: any object of that type, project-wide
        }
        String name = p0.field() ? p0.base() + "." + p0.key() : p0.key();
        return global ? "P:" + proj + ":G:" + name : "L:" + e.function() + ":" + name;
    }
}
