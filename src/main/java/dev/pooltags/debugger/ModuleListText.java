package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.source.DebuggerNoise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lm} and its variants: {@code start end module name} then one module a line
 * ({@code fffff801`09eeb000 fffff801`0a157000   tcpip      (no symbols)}, {@code (pdb symbols)  PATH},
 * {@code (export symbols)  CLFS.SYS}, {@code lm f}'s image path {@code \SystemRoot\System32\drivers\ACPI.sys});
 * {@code lm v} adds indented {@code Label: value} lines ({@code Image path}, {@code Image name}, {@code Timestamp},
 * version resources) to the module above; {@code Unloaded modules:} starts the list of unloaded images.
 */
final class ModuleListText {
    private static final Pattern HEADER = Pattern.compile("^\\s*start\\s+end\\s+module name\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\s*([0-9a-fA-F`]{8,17})\\s+([0-9a-fA-F`]{8,17})\\s+(\\S+)\\s*(.*?)\\s*$");
    private static final Pattern SYMBOLS = Pattern.compile("^\\(([^)]*)\\)\\s*(.*)$");
    private static final Pattern DETAIL = Pattern.compile("^\\s+([A-Za-z][A-Za-z ]*?)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern REMARK = Pattern.compile("^\\s+(Image was built with .*|Information from resource tables:|"
            + "Browse all global symbols.*|Symbol Reload)\\s*$");

    private ModuleListText() {}

    static List<LoadedModule> read(DebuggerCommand c, Consumer<LogProblem> problems) {
        List<LoadedModule> out = new ArrayList<>();
        boolean unloaded = false;
        long[] range = null;
        String name = null;
        String symbols = "";
        String path = "";
        Map<String, String> details = new LinkedHashMap<>();
        Origin at0 = null;
        for (DebuggerCommand.Line l : c.lines()) {
            String line = l.text();
            Origin at = l.at();
            if (DebuggerNoise.isInterrupt(line) || HEADER.matcher(line).matches()
                    || REMARK.matcher(line).matches()) {
                continue;
            }
            if (line.strip().equals("Unloaded modules:")) {
                unloaded = true;
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                if (name != null) {
                    out.add(new LoadedModule(range[0], range[1], name, symbols, path, details, unloaded && range[2] == 1, at0));
                }
                try {
                    range = new long[] {BlockLine.hex(m.group(1)), BlockLine.hex(m.group(2)), unloaded ? 1 : 0};
                } catch (NumberFormatException e) {
                    problems.accept(new LogProblem(at, c.label(), "bad-number", "an address does not fit 64 bits"));
                    name = null;
                    continue;
                }
                name = m.group(3);
                symbols = "";
                path = "";
                details = new LinkedHashMap<>();
                at0 = at;
                String rest = m.group(4);
                Matcher s = SYMBOLS.matcher(rest);
                if (s.matches()) {
                    symbols = s.group(1).strip();
                    String after = s.group(2).strip();
                    if (!after.isEmpty()) {
                        details.put("Symbol file", after); // a .pdb path, or the image the export symbols come from
                    }
                } else if (!rest.isEmpty()) {
                    if (rest.toLowerCase(java.util.Locale.ROOT).contains(".pdb")) {
                        details.put("Symbol file", rest);
                    } else {
                        path = rest; // lm f: the image path
                    }
                }
                continue;
            }
            Matcher d = DETAIL.matcher(line);
            if (d.matches() && name != null) {
                String key = d.group(1).strip();
                if (key.equals("Image path")) {
                    path = d.group(2);
                } else {
                    details.put(key, d.group(2));
                }
                continue;
            }
            problems.accept(new LogProblem(at, c.label(), "bad-line", "not an lm line (a module, a detail line of lm v, or "
                    + "'Unloaded modules:'): '" + PoolFindText.shorten(line.strip()) + "'"));
        }
        if (name != null) {
            out.add(new LoadedModule(range[0], range[1], name, symbols, path, details, range[2] == 1, at0));
        }
        return out;
    }
}
