package dev.pooltags.report;

import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.tagdb.TagEntry;

/**
 * What to do next about a suspect, in words: who to ask and how to find the code that allocates with the tag.
 * The steps follow Microsoft's documented procedure (find the driver that uses the tag, then let Driver Verifier's
 * pool tracking or the debugger show the outstanding allocations); the wording is ours.
 */
public final class LeakAdvice {
    private LeakAdvice() {}

    /** The advice for a verdict, given the owner from the tag files (null when unknown). */
    public static String of(TagVerdict v, TagEntry owner) {
        String tag = v.key().tag() != null ? v.key().tag().memoryText() : null;
        if (tag == null) {
            return v.verdict().atLeast(Verdict.LIKELY_LEAK)
                    ? "This is a named cache, not a pool tag: look at the subsystem that owns '" + v.key().label()
                            + "' (for a Linux slab cache, /sys/kernel/slab/" + v.key().label() + ")."
                    : "";
        }
        return switch (v.verdict()) {
            case LEAK, LIKELY_LEAK -> {
                StringBuilder sb = new StringBuilder(300);
                if (owner != null && !owner.binary().isEmpty()) {
                    // the owner may come from Pooltag.txt, a local tag file or a demo's drivers: name the one it came from
                    String file = owner.source().file();
                    sb.append("The owner is ").append(owner.binary());
                    if (!owner.description().isEmpty()) {
                        sb.append(" (").append(owner.description()).append(')');
                    }
                    sb.append(", from ").append(file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1))
                            .append(". ");
                } else {
                    sb.append("No tag file names an owner: find the driver with 'pooltags who ").append(tag)
                            .append("' over the drivers folder (or findstr /m /l ").append(tag)
                            .append(" *.sys in %SystemRoot%\\System32\\drivers). ");
                }
                sb.append("Turn on Driver Verifier's pool tracking for that driver (verifier /flags 0x8 /driver NAME.sys),"
                        + " reproduce, then list its outstanding allocations with !verifier 3 or find blocks with !poolfind ")
                        .append(tag).append(" in the debugger.");
                if (v.verdict() == Verdict.LIKELY_LEAK) {
                    sb.append(" Confirm first: take more samples over a longer time.");
                }
                yield sb.toString();
            }
            case GROWING -> "Not a leak yet: keep sampling (pooltags record) and run pooltags leaks again over a longer"
                    + " window.";
            case EARLY -> "Too early to judge: keep sampling (pooltags record, or leave top running); the verdict"
                    + " comes when the growth has lasted long enough to tell a leak from a warm-up or a cache filling up.";
            case STABLE -> "";
        };
    }
}
