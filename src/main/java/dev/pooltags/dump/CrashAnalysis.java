package dev.pooltags.dump;

import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dump says about its crash, in words: the bug check by its documented name with each parameter explained,
 * every address that falls inside a loaded or unloaded driver as {@code driver+offset}, whether a crash wrote the
 * file at all (a memory-capture tool, a live dump or a deliberate crash), and the suspect with its evidence, never
 * more certain than that evidence. A pure function of the {@link CrashDump} and the reference table.
 */
public final class CrashAnalysis {
    /** Kernel images: evidence that lands in them names the kernel, which is seldom the culprit. */
    private static final List<String> KERNEL = List.of("ntoskrnl.exe", "ntkrnlpa.exe", "ntkrnlmp.exe", "ntkrpamp.exe", "hal.dll");
    /** Bug checks a person or a tool raises on purpose. */
    private static final List<Long> DELIBERATE = List.of(0xE2L, 0xDEADDEADL, 0x1C8L, 0x161L);

    private CrashAnalysis() {}

    /** Who wrote the file and why. */
    public enum Origin {
        /** A bug check: the system stopped on an error. */
        CRASH("a crash (the system stopped with a bug check)"),
        /** A bug check raised on purpose (keyboard, power button, NotMyFault, a debugger's .crash). */
        DELIBERATE("a crash raised on purpose, not by a fault"),
        /** A live dump: the system kept running. */
        LIVE("a live kernel dump (the system kept running)"),
        /** A memory-capture tool wrote the file; no crash happened. */
        CAPTURE("a memory capture written by a tool, not a crash");

        private final String text;

        Origin(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A value that falls inside a driver image.
     *
     * @param source  where the value came from ("parameter 2", "exception address", "context PC", "stack at 0x...")
     * @param meaning what the source means, as documented ("" when unknown)
     * @param value   the value
     * @param driver  the image it falls in
     * @param offset  its offset in the image
     * @param code    true when the value is a code address (an instruction pointer, not a data pointer)
     */
    public record AddressHit(String source, String meaning, long value, Driver driver, long offset, boolean code) {
        public String symbol() {
            return driver.name() + String.format("+0x%x", offset);
        }
    }

    /**
     * A parameter with its documented meaning.
     *
     * @param index   1 to 4
     * @param value   the value
     * @param meaning the documented meaning ("" when the reference has none)
     * @param tag     the pool tag it holds, when the meaning says it is a tag, else null
     * @param hit     the driver it points into, or null
     */
    public record Parameter(int index, long value, String meaning, PoolTag tag, AddressHit hit) {}

    /**
     * The suspect and why.
     *
     * @param driver   the driver the evidence points at
     * @param evidence the evidence, in words
     * @param strength how strong: "exception address", "code address", "data address", "stack"
     */
    public record Suspect(Driver driver, String evidence, String strength) {}

    /**
     * Everything said about the crash.
     *
     * @param dump        the dump
     * @param explanation the reference's explanation of the bug check
     * @param origin      who wrote the file and why
     * @param originEvidence why the origin was chosen
     * @param parameters  the four parameters, explained
     * @param hits        every address inside a driver (parameters, exception, context, stack), strongest first
     * @param stackDrivers how many stack values fall in each driver, most first
     * @param stackOffsets the distinct offsets of those values in each driver, in address order
     * @param suspect     the suspect, or null when the evidence names none
     */
    public record Result(CrashDump dump, BugCheckReference.Explanation explanation, Origin origin, String originEvidence,
                         List<Parameter> parameters, List<AddressHit> hits, Map<Driver, Integer> stackDrivers,
                         Map<Driver, List<Long>> stackOffsets, Suspect suspect) {
        /** {@code 0x1000007E}. */
        public String codeText() {
            return String.format("0x%X", dump.bugCheck());
        }

        /** The documented name; for a code the reference does not list, what it is ("'MATT', a capture tool's mark"). */
        public String name() {
            if (explanation.known()) {
                return explanation.entry().name();
            }
            String text = ascii(dump.bugCheck());
            return origin == Origin.CAPTURE && text != null ? "'" + text + "' (a capture tool's mark, not a bug check)" : "(not in the reference)";
        }
    }

    /** Analyses a dump; {@code stackValues} are the pointer-sized values of the captured stack (empty when none). */
    public static Result analyze(CrashDump d, BugCheckReference ref, long[] stackValues) {
        long[] p = d.parameterArray();
        BugCheckReference.Explanation ex = ref.explain(d.bugCheck(), p);
        List<AddressHit> hits = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String meaning = ex.meanings().get(i);
            PoolTag tag = meaningIsTag(meaning) ? tagOf(p[i]) : null;
            AddressHit hit = null;
            Driver drv = p[i] == 0 ? null : d.driverAt(p[i]);
            if (drv != null) {
                hit = new AddressHit("parameter " + (i + 1), meaning, p[i], drv, p[i] - drv.base(), isCode(meaning));
                hits.add(hit);
            }
            params.add(new Parameter(i + 1, p[i], meaning, tag, hit));
        }
        if (d.exception() != null && d.exception().address() != 0) {
            Driver drv = d.driverAt(d.exception().address());
            if (drv != null) {
                hits.add(new AddressHit("exception record address", String.format("where exception 0x%08X was raised", d.exception().code()),
                        d.exception().address(), drv, d.exception().address() - drv.base(), true));
            }
        }
        if (d.contextPc() != null) {
            Driver drv = d.driverAt(d.contextPc());
            if (drv != null) {
                hits.add(new AddressHit("context PC", "the instruction the saved context was executing", d.contextPc(), drv,
                        d.contextPc() - drv.base(), true));
            }
        }
        Map<Driver, Integer> stackSorted = new LinkedHashMap<>();
        Map<Driver, List<Long>> stackOffsets = new LinkedHashMap<>();
        stackDrivers(d, stackValues, stackSorted, stackOffsets);
        Origin origin;
        String originEvidence;
        BugCheckReference.Entry entry = ex.entry();
        if (entry == null) {
            String ascii = ascii(d.bugCheck());
            if (ascii != null) {
                origin = Origin.CAPTURE;
                List<String> texts = new ArrayList<>();
                for (long v : p) {
                    String t = ascii(v);
                    if (t != null && (v >>> 32) == 0) {
                        texts.add("'" + t + "'");
                    }
                }
                originEvidence = String.format("the bug check code 0x%X is no documented code and reads as the text '%s'%s: "
                        + "memory-capture tools write their own mark there", d.bugCheck(), ascii,
                        texts.isEmpty() ? "" : ", and its parameters read " + String.join(", ", texts));
            } else {
                origin = Origin.CRASH;
                originEvidence = String.format("the bug check code 0x%X is not in Microsoft's Bug Check Code Reference", d.bugCheck());
            }
        } else if (entry.live()) {
            origin = Origin.LIVE;
            originEvidence = entry.name() + " is a live dump code (Kernel Live Dump Code Reference)";
        } else if (DELIBERATE.contains(d.bugCheck())) {
            origin = Origin.DELIBERATE;
            originEvidence = entry.name() + " is raised on purpose (a key combination, a held power button, a debugger or a tool), not by a fault";
        } else {
            origin = Origin.CRASH;
            originEvidence = String.format("0x%X %s is a bug check of Microsoft's Bug Check Code Reference", d.bugCheck(), entry.name());
        }
        Suspect suspect = origin == Origin.CRASH ? suspect(hits, stackSorted) : null;
        return new Result(d, ex, origin, originEvidence, params, hits, stackSorted, stackOffsets, suspect);
    }

    /**
     * The drivers the stack's values point into, most values first, each with how many values and their offsets
     * (unsigned order).
     */
    private static void stackDrivers(CrashDump d, long[] stackValues, Map<Driver, Integer> stackSorted,
            Map<Driver, List<Long>> stackOffsets) {
        Map<Driver, Integer> stack = new LinkedHashMap<>();
        Map<Driver, java.util.TreeSet<Long>> offsets = new LinkedHashMap<>();
        for (long v : stackValues) {
            if (v == 0) {
                continue;
            }
            Driver drv = d.driverAt(v);
            if (drv != null) {
                stack.merge(drv, 1, Integer::sum);
                offsets.computeIfAbsent(drv, k -> new java.util.TreeSet<>(Long::compareUnsigned)).add(v - drv.base());
            }
        }
        List<Map.Entry<Driver, Integer>> sorted = new ArrayList<>(stack.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        for (Map.Entry<Driver, Integer> e : sorted) {
            stackSorted.put(e.getKey(), e.getValue());
            stackOffsets.put(e.getKey(), List.copyOf(offsets.get(e.getKey())));
        }
    }

    private static Suspect suspect(List<AddressHit> hits, Map<Driver, Integer> stack) {
        AddressHit best = null;
        for (AddressHit h : hits) {
            if (h.source().startsWith("parameter") && h.code() && (best == null || kernel(best.driver()) && !kernel(h.driver()))) {
                best = h;
            }
        }
        if (best != null) {
            String what = best.meaning().isEmpty() ? best.source() : best.source() + " (" + lower(best.meaning()) + ")";
            String ev = what + " is inside " + best.symbol();
            if (kernel(best.driver())) {
                ev += "; that is the kernel itself, so the caller on the stack is the likelier cause";
            }
            return new Suspect(best.driver(), ev, "code address");
        }
        for (AddressHit h : hits) {
            if (h.source().startsWith("parameter") && !kernel(h.driver())) {
                return new Suspect(h.driver(), h.source() + (h.meaning().isEmpty() ? "" : " (" + lower(h.meaning()) + ")")
                        + " points into " + h.symbol() + ", a data address: weaker evidence than a code address", "data address");
            }
        }
        for (Map.Entry<Driver, Integer> e : stack.entrySet()) {
            if (!kernel(e.getKey())) {
                return new Suspect(e.getKey(), e.getValue() + " values on the crashing thread's stack point into " + e.getKey().name()
                        + " (return addresses or data; the stack alone does not prove a driver caused the crash)", "stack");
            }
        }
        return null;
    }

    static boolean kernel(Driver d) {
        return KERNEL.contains(d.name().toLowerCase(Locale.ROOT));
    }

    private static String lower(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** A documented meaning that names an instruction address rather than data. */
    static boolean isCode(String meaning) {
        String m = meaning.toLowerCase(Locale.ROOT);
        return m.contains("exception occurred") || m.contains("instruction") || m.contains("referenced memory")
                || m.contains("faulting") || m.contains("caller") || m.contains("return address") || m.contains("code address")
                || m.contains("address of the exception") && !m.contains("record");
    }

    static boolean meaningIsTag(String meaning) {
        String m = meaning.toLowerCase(Locale.ROOT);
        return m.contains("tag") && !m.contains("tagging");
    }

    /** The tag in a parameter's low 32 bits, when it looks like one. */
    static PoolTag tagOf(long v) {
        if ((v & 0xFFFFFFFFL) == 0) {
            return null;
        }
        return PoolTag.ofValue((int) v);
    }

    /** The code's four bytes as text, when all are printable letters, digits or spaces. */
    static String ascii(long code) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = (int) (code >>> (8 * i) & 0xFF);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ')) {
                return null;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
