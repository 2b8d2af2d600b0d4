package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the fixes of findings that touch one call agree: a fix that rewrites a whole call (PT004's ExAllocatePool2
 * call) takes in the fixes of findings inside that call (PT001's character literal, PT008's reversed literal), and
 * every one of those findings then offers that one fix, which resolves them all. An inner fix whose text the outer
 * one no longer holds (PT006's NonPagedPoolNx, where the new call says POOL_FLAG_NON_PAGED) is resolved by it.
 */
final class FixComposer {
    private FixComposer() {}

    static List<Finding> compose(List<Finding> findings) {
        Map<String, List<Finding>> byFile = new HashMap<>();
        for (Finding f : findings) {
            Fix.Replacement r = single(f);
            if (r != null) {
                byFile.computeIfAbsent(r.region().file(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<Finding, Finding> replaced = new IdentityHashMap<>();
        for (List<Finding> group : byFile.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort((a, b) -> Integer.compare(single(a).region().start(), single(b).region().start()));
            for (Finding outer : group) {
                Fix.Replacement o = single(outer);
                List<Finding> inner = new ArrayList<>();
                for (Finding f : group) {
                    Fix.Replacement r = single(f);
                    if (f != outer && contains(o.region(), r.region()) && !sameRegion(o.region(), r.region())) {
                        inner.add(f);
                    }
                }
                if (inner.isEmpty()) {
                    continue;
                }
                String text = o.text();
                List<String> also = new ArrayList<>();
                for (Finding f : inner) {
                    Fix.Replacement r = single(f);
                    if (r.original() != null && !r.original().equals(r.text())) {
                        int at = text.indexOf(r.original());
                        if (at >= 0) {
                            text = text.substring(0, at) + r.text() + text.substring(at + r.original().length());
                        }
                    }
                    also.add(f.ruleId());
                }
                Fix composed = new Fix(outer.fix().description() + " (resolves " + String.join(", ", also.stream()
                        .distinct().toList()) + " too)", List.of(new Fix.Replacement(o.region(), text, o.original())));
                Finding o2 = withFix(outer, composed);
                if (!text.equals(o.text()) && o2.message().contains(o.text())) {
                    o2 = o2.withMessage(o2.message().replace(o.text(), text)); // the message shows the same call
                }
                replaced.put(outer, o2);
                for (Finding f : inner) {
                    replaced.putIfAbsent(f, withFix(f, composed));
                }
            }
        }
        if (replaced.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(replaced.getOrDefault(f, f));
        }
        return out;
    }

    private static Finding withFix(Finding f, Fix fix) {
        return new Finding(f.ruleId(), f.severity(), f.where(), f.message(), fix, f.related(), f.suppressed(), f.flow());
    }

    private static Fix.Replacement single(Finding f) {
        if (f.fix() == null || f.fix().replacements().size() != 1) {
            return null;
        }
        Fix.Replacement r = f.fix().replacements().get(0);
        return r.region().start() >= 0 && r.region().end() >= r.region().start() ? r : null;
    }

    private static boolean contains(Location outer, Location inner) {
        return outer.start() <= inner.start() && inner.end() <= outer.end();
    }

    private static boolean sameRegion(Location a, Location b) {
        return a.start() == b.start() && a.end() == b.end();
    }
}
