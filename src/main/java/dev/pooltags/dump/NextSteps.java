package dev.pooltags.dump;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The commands worth running next on a dump, from what the analysis found. Pure. */
public final class NextSteps {
    private NextSteps() {}

    /**
     * The steps: WinDbg's own analysis, the suspect's module, the pool at a parameter that points into the pool or at
     * a tag a parameter holds, and {@code pooltags who} for the tags found.
     *
     * @param r       the analysis
     * @param tags    the tags worth asking about (largest first), at most a few are used
     * @param noOwner tags among them that no tag file names
     */
    public static List<String> of(CrashAnalysis.Result r, List<PoolTag> tags, List<PoolTag> noOwner) {
        List<String> out = new ArrayList<>();
        String file = r.dump().file();
        out.add("windbg -z " + quote(file) + "   then  !analyze -v   (the debugger's own analysis, with symbols)");
        if (r.suspect() != null) {
            String mod = r.suspect().driver().name();
            int dot = mod.lastIndexOf('.');
            String module = (dot > 0 ? mod.substring(0, dot) : mod).toLowerCase(Locale.ROOT);
            out.add("lmvm " + module + "   (version, timestamp and path of the suspect " + mod + ")");
        }
        for (CrashAnalysis.Parameter p : r.parameters()) {
            String m = p.meaning().toLowerCase(Locale.ROOT);
            if (p.value() != 0 && p.hit() == null && (m.contains("pool") && (m.contains("address") || m.contains("header") || m.contains("pointer"))
                    || m.contains("pool entry") || m.contains("address of pool"))) {
                out.add(String.format("!pool 0x%X   (parameter %d: %s)", p.value(), p.index(), p.meaning()));
            }
            if (p.tag() != null) {
                out.add("!poolfind " + p.tag().memoryText().strip() + "   (parameter " + p.index() + " is the tag " + p.tag().memoryText() + ")");
            }
        }
        int n = 0;
        for (PoolTag t : tags) {
            if (n++ == 3) {
                break;
            }
            out.add("!poolfind " + t.memoryText().strip() + "   (the blocks of a tag this dump holds many bytes of)");
        }
        if (!noOwner.isEmpty()) {
            StringBuilder sb = new StringBuilder("pooltags who");
            int k = 0;
            for (PoolTag t : noOwner) {
                if (k++ == 5) {
                    break;
                }
                sb.append(' ').append(quote(t.memoryText()));
            }
            sb.append(" --drivers DIR   (which driver passes these tags, none of which the tag files name)");
            out.add(sb.toString());
        } else if (!tags.isEmpty()) {
            out.add("pooltags who " + quote(tags.get(0).memoryText()) + " --drivers DIR   (which driver's code uses the largest tag)");
        }
        return out;
    }

    static String quote(String s) {
        return s.indexOf(' ') >= 0 || s.indexOf('\\') >= 0 ? "'" + s + "'" : s;
    }
}
