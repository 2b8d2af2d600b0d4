package dev.pooltags.debugger;

import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag a conditional breakpoint on a pool allocation routine stops for: {@code bp nt!ExAllocatePool2
 * ".if (@r8 == 0x61646d61) {} .else {gc}"} (on x64 the tag is the third argument, in r8). A stack shown afterwards is an
 * allocation with that tag when its innermost frame is the routine the breakpoint is on.
 */
final class Breakpoints {
    private static final Pattern BP = Pattern.compile("^b[pum]\\d*\\s+(?:/\\w+\\s+)*(\\S+)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("==\\s*(0x[0-9a-fA-F]{1,8})\\b");

    private Breakpoints() {}

    /** The tag, when the breakpoint is on a pool allocation routine, compares with one value, and the stack starts there. */
    static Optional<PoolTag> tagOf(String breakpoint, List<String> frames) {
        Matcher m = BP.matcher(breakpoint.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String symbol = m.group(1);
        String fn = symbol.substring(symbol.indexOf('!') + 1).toLowerCase(Locale.ROOT);
        if (!fn.contains("alloc") || !fn.contains("pool")) {
            return Optional.empty();
        }
        Matcher v = VALUE.matcher(m.group(2));
        if (!v.find()) {
            return Optional.empty();
        }
        if (frames.isEmpty()) {
            return Optional.empty();
        }
        String top = frames.get(0).toLowerCase(Locale.ROOT);
        int plus = top.indexOf('+');
        top = plus > 0 ? top.substring(0, plus) : top;
        String topFn = top.substring(top.indexOf('!') + 1);
        if (!topFn.equals(fn)) {
            return Optional.empty();
        }
        return Optional.of(PoolTag.ofValue((int) Long.parseLong(v.group(1).substring(2), 16)));
    }
}
