package dev.pooltags.lint;

import dev.pooltags.project.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The places pool blocks are kept in, as the rules about frees see them: a key per place (a local within its
 * function; a global, a class member or a member path through a pointer within the project), and for each free what
 * reaches it inside its function ({@link ReachingStores}).
 *
 * <p>Keys: {@code L:function:name} for locals, {@code P:project:G:name} for globals, {@code P:project:M:Class::name}
 * for class members, {@code P:project:F:Last.Two} for members reached through a pointer (whichever object).
 */
final class Places {
    private Places() {}

    /** A free and the stores that reach it inside its function. */
    record FreeReach(String key, PointerEvent free, List<PointerEvent> stores, boolean entry) {
        boolean local() {
            return key.startsWith("L:");
        }
    }

    /**
     * Goes through one function's events: {@code store} gets each store into a place followed across functions,
     * {@code free} each free with what reaches it (frees reached by too many stores are left out).
     */
    static void scan(LintContext ctx, FunctionEvents fn, BiConsumer<String, PointerEvent> store, Consumer<FreeReach> free) {
        Map<String, List<PointerEvent>> byKey = new LinkedHashMap<>();
        for (PointerEvent e : fn.events()) {
            String key = key(ctx, e);
            if (key == null) {
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            if (!key.startsWith("L:") && e.type() != PointerEvent.Type.FREE) {
                store.accept(key, e);
            }
        }
        for (Map.Entry<String, List<PointerEvent>> en : byKey.entrySet()) {
            List<PointerEvent> es = withWholeStores(en.getKey(), en.getValue(), byKey);
            Map<Integer, ReachingStores.Reach> reach = ReachingStores.of(es, fn.blockParents());
            for (int i = 0; i < es.size(); i++) {
                ReachingStores.Reach r = reach.get(i);
                if (r == null || r.overflow()) {
                    continue;
                }
                List<PointerEvent> stores = new ArrayList<>(r.stores().length);
                for (int st : r.stores()) {
                    if (st != ReachingStores.ENTRY) {
                        stores.add(es.get(st));
                    }
                }
                free.accept(new FreeReach(en.getKey(), es.get(i), stores, r.entryReaches()));
            }
        }
    }

    /**
     * The events of a member path with the stores into the structures that hold it ({@code &e->Name} handed to a
     * routine replaces {@code e->Name.Buffer}), in token order.
     */
    static List<PointerEvent> withWholeStores(String key, List<PointerEvent> es,
            Map<String, List<PointerEvent>> byKey) {
        int colon = key.lastIndexOf(':');
        String members = key.substring(colon + 1);
        List<PointerEvent> merged = null;
        for (int dot = members.lastIndexOf('.'); dot > 0; dot = members.lastIndexOf('.', dot - 1)) {
            List<PointerEvent> outer = byKey.get(key.substring(0, colon + 1) + members.substring(0, dot));
            if (outer == null) {
                continue;
            }
            for (PointerEvent o : outer) {
                if (o.type() == PointerEvent.Type.OTHER) {
                    if (merged == null) {
                        merged = new ArrayList<>(es);
                    }
                    merged.add(o);
                }
            }
        }
        if (merged == null) {
            return es;
        }
        merged.sort(java.util.Comparator.comparingInt(PointerEvent::order));
        return merged;
    }

    /** The identity of the pointer an event touches, or null when it cannot be followed. */
    static String key(LintContext ctx, PointerEvent e) {
        Project p = ctx.scope().project(e.where().file());
        if (p != null && p.userMode()) {
            return null;
        }
        String proj = p == null ? "?" : p.id();
        if (e.param()) {
            return null;
        }
        PointerPath p0 = e.path();
        String cls = classOf(e.function());
        if (cls != null && !e.local()) {
            // a member of the class a member function belongs to: m_p, this->m_p, m_s.Buffer
            if (p0.base().equals("this") && p0.field()) {
                return "P:" + proj + ":M:" + cls + "::" + p0.key();
            }
            if ((!p0.field() || p0.dotBase()) && ctx.scope().isMember(cls, p0.base())) {
                return "P:" + proj + ":M:" + cls + "::" + (p0.field() ? p0.base() + "." + p0.key() : p0.key());
            }
        }
        boolean global = !e.local() && ctx.scope().isGlobal(e.where().file(), p0.base());
        if (p0.field() && !p0.dotBase()) {
            return "P:" + proj + ":F:" + p0.key(); // through a pointer: any object of that type, project-wide
        }
        String name = p0.field() ? p0.base() + "." + p0.key() : p0.key();
        return global ? "P:" + proj + ":G:" + name : "L:" + e.function() + ":" + name;
    }

    /** The class of a member function's identity ({@code file:line CName::Method}), or null. */
    static String classOf(String function) {
        int space = function.lastIndexOf(' ');
        int colons = function.lastIndexOf("::");
        if (colons <= space) {
            return null;
        }
        String cls = function.substring(space + 1, colons);
        int outer = cls.lastIndexOf("::");
        return outer < 0 ? cls : cls.substring(outer + 2); // Ns::CName::Method: the class is CName
    }
}
