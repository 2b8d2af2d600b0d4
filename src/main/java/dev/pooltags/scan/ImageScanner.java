package dev.pooltags.scan;

import dev.pooltags.core.PoolRoutine;
import dev.pooltags.pe.Export;
import dev.pooltags.pe.FunctionRange;
import dev.pooltags.pe.Import;
import dev.pooltags.pe.Machine;
import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.Section;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every call of a pool routine in an image and the tag each passes. Pure: it reads the image's bytes and
 * nothing else.
 *
 * <ol>
 *   <li>The import slots of the routines in {@link PoolRoutine} are looked up; an image importing none is done.</li>
 *   <li>A fast pass over the code finds the places that refer to those slots (RIP-relative displacements on x64,
 *       absolute addresses on x86, ADRP+LDR pairs on ARM64).</li>
 *   <li>The function around each place ({@code .pdata} range, or the stretch between known function starts) is
 *       decoded and its values followed ({@link RegionAnalysis}); each call reaching a slot yields a
 *       {@link TagUse} with the tag argument's value.</li>
 *   <li>A function that passes its own parameter as the tag is a wrapper (a jump thunk is one too, and does not
 *       count as a level): the calls of it are found and analysed the same way, and the tags they pass are
 *       reported as calls through the wrapper. Wrappers of wrappers are named but not followed.</li>
 * </ol>
 */
public final class ImageScanner {
    /** How many wrapper levels are followed (thunks aside). */
    static final int MAX_WRAPPER_DEPTH = 1;
    private static final int MAX_ROUNDS = 6;
    private static final int[] NONE = new int[0];
    /** The longest stretch of code decoded as one region (a function, or code between known boundaries). */
    private static final int MAX_GAP = 64 * 1024;

    private final PeImage image;
    private final Isa isa;
    private final List<Code> code = new ArrayList<>();
    private final Map<Integer, PoolRoutine> slotRoutines = new HashMap<>();
    private int[] callTargets;
    private int[] padEnds;
    private int[] boundaries;
    private int[] caseLabels;
    private int[] functionPointers;
    private final Map<Integer, Integer> popsCache = new HashMap<>();
    private final Map<Integer, List<Wrapper>> wrappers = new HashMap<>();
    /** Sites keyed by (site, routine, via) so re-analysed regions do not report twice. */
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private int regions;

    /**
     * A function that forwards its parameter as a routine's tag; {@code dataRva} is the writable data it may use
     * instead (a global override), or -1.
     */
    private record Wrapper(int function, PoolRoutine routine, int parameter, int depth, boolean thunk, int dataRva) {
    }

    /** A call found, before it becomes a {@link TagUse}. */
    private record Site(int site, int function, PoolRoutine routine, long value, Wrapper via, int depth, boolean tail) {
    }

    private ImageScanner(PeImage image) {
        this.image = image;
        this.isa = image.machine() == Machine.ARM64 ? new Arm64Isa(image) : new X86Isa(image);
        for (Section s : image.sections()) {
            if (s.isExecutable() && s.fileBackedSize() > 0) {
                code.add(new Code(image, s));
            }
        }
        for (Import i : image.imports()) {
            PoolRoutine r = PoolRoutine.forImport(i.module(), i.name());
            if (r != null) {
                slotRoutines.put(i.slotRva(), r);
            }
        }
    }

    /** Scans an image; images pooltags cannot decode come back with {@link ImageScan#undecodable()} set. */
    public static ImageScan scan(PeImage image) {
        String why = image.undecodableReason();
        if (why != null) {
            return new ImageScan(image.machine(), image.imageBase(), why, 0, List.of(), 0);
        }
        ImageScanner s = new ImageScanner(image);
        return s.run();
    }

    private ImageScan run() {
        if (slotRoutines.isEmpty()) {
            return new ImageScan(image.machine(), image.imageBase(), null, 0, List.of(), 0);
        }
        int[] slots = slotRoutines.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        Isa.IntList refs = new Isa.IntList();
        for (Code c : code) {
            isa.findSlotReferences(c, slots, refs);
        }
        analyse(refs.sortedDistinct());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<Integer> fresh = findWrappers();
            if (fresh.isEmpty()) {
                break;
            }
            int[] targets = fresh.stream().mapToInt(Integer::intValue).sorted().toArray();
            Isa.IntList callers = new Isa.IntList();
            for (Code c : code) {
                isa.findCallsTo(c, targets, callers);
            }
            analyse(callers.sortedDistinct());
        }
        return new ImageScan(image.machine(), image.imageBase(), null, slots.length, uses(), regions);
    }

    // ---- regions

    private void analyse(int[] places) {
        Set<Long> done = new HashSet<>();
        for (int place : places) {
            Code c = codeAt(place);
            if (c == null) {
                continue;
            }
            long[] region = regionOf(c, place);
            if (region == null || !done.add(region[0] << 32 | region[1])) {
                continue;
            }
            regions++;
            boolean gap = region[2] != 0;
            // only a gap needs to know where functions start; a .pdata range is one function already
            RegionAnalysis r = new RegionAnalysis(isa, c, (int) region[0], (int) region[1], gap, region[3] != 0,
                    gap ? callTargets() : NONE, gap ? boundaries() : NONE, gap ? caseLabels() : NONE);
            r.run(this::onCall);
        }
    }

    private Code codeAt(int rva) {
        for (Code c : code) {
            if (c.contains(rva)) {
                return c;
            }
        }
        return null;
    }

    /** {start, end, gap?, fragment?} of the code to decode around an address. */
    private long[] regionOf(Code c, int place) {
        FunctionRange f = image.functionAt(place);
        if (f != null && c.contains(f.begin())) {
            long end = Math.min(Integer.toUnsignedLong(f.end()), c.end);
            if (end - f.begin() > MAX_GAP) {
                return null; // no compiler makes such a function: a packer's (VMProtect's) range over its own code
            }
            return new long[] {f.begin(), end, 0, f.fragment() ? 1 : 0};
        }
        int[] b = boundaries();
        int i = Arrays.binarySearch(b, place);
        int lo = i >= 0 ? b[i] : -i - 2 >= 0 ? b[-i - 2] : c.start;
        int hiIndex = i >= 0 ? i + 1 : -i - 1;
        int hi = hiIndex < b.length ? b[hiIndex] : c.end;
        lo = Math.max(lo, c.start);
        hi = Math.min(hi, c.end);
        if (hi - lo > MAX_GAP) {
            // a long stretch with no known boundary (obfuscated or packed code, or an x86 driver without padding):
            // decode from the nearest function start a call or pointer names, or not at all
            int[] starts = callTargets();
            int k = Arrays.binarySearch(starts, place);
            k = k >= 0 ? k : -k - 2;
            if (k < 0 || starts[k] < Math.max(lo, place - MAX_GAP)) {
                return null;
            }
            lo = starts[k];
            hi = (int) Math.min(hi, (long) lo + MAX_GAP);
            if (place >= hi) {
                return null;
            }
        }
        if (lo >= hi) {
            return null;
        }
        return new long[] {lo, hi, 1, 0};
    }

    /**
     * Addresses where a stretch of code certainly starts or ends: {@code .pdata} edges, the entry point,
     * exports, relocated code pointers, and (x86, x64 without .pdata) the first byte after a run of int3 padding.
     */
    private int[] boundaries() {
        if (boundaries == null) {
            Isa.IntList l = new Isa.IntList();
            for (FunctionRange f : image.functions()) {
                l.add(f.begin());
                l.add(f.end());
            }
            for (int p : functionPointers()) {
                l.add(p);
            }
            for (int p : caseLabels()) {
                l.add(p);
            }
            findFunctionStarts();
            for (int p : padEnds) {
                l.add(p);
            }
            boundaries = l.sortedDistinct();
        }
        return boundaries;
    }

    /** Direct call targets, the entry point, exports and relocated code pointers: where functions start. */
    private int[] callTargets() {
        findFunctionStarts();
        return callTargets;
    }

    /**
     * The second pass over the code, made only when code outside {@code .pdata} ranges must be decoded: call
     * targets, and (x86, x64 without .pdata) the first byte after each run of int3 padding.
     */
    private void findFunctionStarts() {
        if (callTargets != null) {
            return;
        }
        Isa.IntList calls = new Isa.IntList();
        boolean wantPads = isa instanceof X86Isa && image.functions().isEmpty();
        Isa.IntList pads = wantPads ? new Isa.IntList() : null;
        for (Code c : code) {
            isa.findFunctionStarts(c, calls, pads);
        }
        for (int p : functionPointers()) {
            calls.add(p);
        }
        callTargets = calls.sortedDistinct();
        padEnds = pads == null ? NONE : pads.sortedDistinct();
    }

    private int[] functionPointers() {
        if (functionPointers == null) {
            classifyRelocations();
        }
        return functionPointers;
    }

    private int[] caseLabels() {
        if (caseLabels == null) {
            classifyRelocations();
        }
        return caseLabels;
    }

    /**
     * Relocated pointers into code: one on its own is a function pointer (a callback, a dispatch routine); a run
     * of them is a table (a switch's jump table, or a table of callbacks), whose targets are entered from
     * nowhere the scan can see.
     */
    private void classifyRelocations() {
        Isa.IntList single = new Isa.IntList();
        Isa.IntList table = new Isa.IntList();
        int[] relocs = image.relocations();
        int width = isa.pointerSize();
        long base = image.imageBase();
        for (int k = 0; k < relocs.length; k++) {
            long v = width == 8 ? image.u32(relocs[k]) | (image.u32(relocs[k] + 4L) << 32) : image.u32(relocs[k]);
            if (v < 0 && width == 4) {
                continue;
            }
            long rva = v - (width == 8 ? base : base & 0xFFFFFFFFL);
            if (rva < 0 || rva > 0xFFFFFFFFL || codeAt((int) rva) == null) {
                continue;
            }
            boolean inRun = k > 0 && relocs[k - 1] == relocs[k] - width || k + 1 < relocs.length && relocs[k + 1] == relocs[k] + width;
            (inRun ? table : single).add((int) rva);
        }
        single.add(image.entryRva());
        for (Export e : image.exports()) {
            single.add(e.rva());
        }
        functionPointers = single.sortedDistinct();
        caseLabels = table.sortedDistinct();
    }

    // ---- calls

    private int onCall(RegionAnalysis r, Insn site, State s, long callee, boolean tail, int function, boolean record) {
        int kind = Value.kind(callee);
        PoolRoutine routine = null;
        List<Wrapper> through = List.of();
        int pops = -1;
        if (kind == Value.IMPORT) {
            routine = slotRoutines.get((int) callee);
            if (routine != null) {
                pops = routine.x86ArgumentBytes();
            }
        } else if (kind == Value.ADDR) {
            long t = Value.addrRva(callee);
            if (t >= 0 && t <= 0xFFFFFFFFL) {
                through = wrappers.getOrDefault((int) t, List.of());
                if (!(isa instanceof Arm64Isa) && !((X86Isa) isa).is64() && !tail) {
                    pops = internalPops((int) t);
                }
            }
        }
        if (!record) {
            return pops;
        }
        if (routine != null && selected(routine, s, tail, r, true)) {
            int position = isa instanceof X86Isa x && !x.is64() ? routine.x86TagSlot() : routine.tagArgument();
            long v = routine.tagged() ? isa.argument(s, position, tail, r) : 0;
            add(new Site(site.rva, function, routine, v, null, 0, tail), r);
        }
        for (Wrapper w : through) {
            if (w.thunk && !selected(w.routine, s, tail, r, false)) {
                continue; // a thunk of a shared export, called for another of its routines
            }
            long v = w.parameter >= 0 ? isa.argument(s, w.parameter, tail, r) : 0;
            add(new Site(site.rva, function, w.routine, v, w.thunk ? null : w, w.depth, tail), r);
        }
        return pops;
    }

    /**
     * True when a call of a shared export is this routine: its selector argument holds the routine's constant
     * (StorPortExtendedFunction with ExtFunctionAllocatePool); always true for an export that is one routine. With
     * {@code passedOn}, a selector the function itself was given also counts (an import thunk passes it through,
     * and its callers are checked in turn).
     */
    private boolean selected(PoolRoutine routine, State s, boolean tail, RegionAnalysis r, boolean passedOn) {
        if (routine.selectorArgument() < 0) {
            return true;
        }
        int position = isa instanceof X86Isa x && !x.is64() ? routine.x86SelectorSlot() : routine.selectorArgument();
        long v = isa.argument(s, position, tail, r);
        if (passedOn && Value.isParam(v)) {
            return true;
        }
        return Value.kind(v) == Value.CONST && (Value.constValue(v) & 0xFFFFFFFFL) == routine.selectorValue();
    }

    private final Map<String, Integer> siteInstructions = new HashMap<>();

    private void add(Site site, RegionAnalysis r) {
        String key = site.site + "/" + site.routine.name() + "/" + (site.via == null ? -1 : site.via.function);
        sites.putIfAbsent(key, site);
        siteInstructions.putIfAbsent(key, r.instructionsBetween(site.function, site.site));
    }

    /** Bytes an x86 function pops when it returns (its first "ret N"), or -1 when that cannot be told. */
    private int internalPops(int target) {
        Integer cached = popsCache.get(target);
        if (cached != null) {
            return cached;
        }
        int pops = -1;
        Code c = codeAt(target);
        if (c != null) {
            Insn in = isa.newInsn();
            int pos = target;
            for (int n = 0; n < 4096 && pos < c.end; n++) {
                if (!isa.decode(c, pos, in)) {
                    break;
                }
                if (n == 0 && in.flow == Flow.JUMP_INDIRECT) {
                    // an import thunk: the routine pops what its table entry says, if it is one pooltags knows
                    X86Insn x = (X86Insn) in;
                    long slot = x.hasMemory() && x.base < 0 && x.index < 0
                            ? (x.disp & 0xFFFFFFFFL) - (image.imageBase() & 0xFFFFFFFFL) : -1;
                    PoolRoutine r = slot >= 0 && slot <= 0xFFFFFFFFL ? slotRoutines.get((int) slot) : null;
                    pops = r != null ? r.x86ArgumentBytes() : -1;
                    break;
                }
                if (in.flow == Flow.RETURN) {
                    X86Insn x = (X86Insn) in;
                    pops = x.opcode == 0xC2 ? (int) (x.imm & 0xFFFF) : x.opcode == 0xC3 ? 0 : -1;
                    break;
                }
                pos += in.length;
            }
        }
        popsCache.put(target, pops);
        return pops;
    }

    /** Functions whose recorded calls pass their own parameter as the tag, not yet followed. Returns the new ones. */
    private Set<Integer> findWrappers() {
        Set<Integer> fresh = new HashSet<>();
        for (Map.Entry<String, Site> e : sites.entrySet()) {
            Site s = e.getValue();
            // a thunk jumps to the routine at once with every argument where the caller put it
            boolean atStart = s.tail && siteInstructions.get(e.getKey()) <= (isa instanceof Arm64Isa ? 2 : 0);
            if (!s.routine.tagged()) {
                if (atStart && s.via == null) {
                    List<Wrapper> list = wrappers.computeIfAbsent(s.function, k -> new ArrayList<>());
                    if (list.stream().noneMatch(w -> w.routine == s.routine)) {
                        list.add(new Wrapper(s.function, s.routine, -1, s.depth, true, -1));
                        fresh.add(s.function);
                    }
                }
                continue;
            }
            if (!Value.isParam(s.value)) {
                continue;
            }
            int param = Value.paramIndex(s.value);
            int data = Value.kind(s.value) == Value.PARAM_OR_DATA ? Value.dataRva(s.value) : -1;
            int position = isa instanceof X86Isa x && !x.is64() ? s.routine.x86TagSlot() : s.routine.tagArgument();
            boolean thunk = data < 0 && atStart && (s.via == null ? param == position : param == s.via.parameter);
            int depth = thunk ? s.depth : s.depth + 1;
            if (depth > MAX_WRAPPER_DEPTH) {
                continue;
            }
            List<Wrapper> list = wrappers.computeIfAbsent(s.function, k -> new ArrayList<>());
            boolean known = list.stream().anyMatch(w -> w.routine == s.routine && w.parameter == param);
            if (!known) {
                list.add(new Wrapper(s.function, s.routine, param, depth, thunk, data));
                fresh.add(s.function);
            }
        }
        return fresh;
    }

    // ---- results

    private List<TagUse> uses() {
        List<TagUse> out = new ArrayList<>();
        for (Map.Entry<String, Site> e : sites.entrySet()) {
            Site s = e.getValue();
            List<Wrapper> ws = wrappers.getOrDefault(s.function, List.of());
            boolean isThunkBody = ws.stream().anyMatch(w -> w.thunk && w.routine == s.routine);
            if (isThunkBody && (Value.isParam(s.value) || !s.routine.tagged())) {
                continue; // the thunk's jump is reported at each call of the thunk
            }
            out.add(toUse(s));
        }
        out.sort(Comparator.comparingLong((TagUse u) -> Integer.toUnsignedLong(u.site()))
                .thenComparing(u -> u.routine().routineName()).thenComparingInt(TagUse::via));
        return out;
    }

    private TagUse toUse(Site s) {
        int via = s.via == null ? -1 : s.via.function;
        int viaParam = s.via == null ? -1 : s.via.parameter;
        PoolRoutine r = s.routine;
        if (!r.tagged()) {
            return new TagUse(r, TagUse.Status.UNTAGGED, null, null, "takes no tag", s.function, s.site,
                    via, viaParam, null);
        }
        long v = s.value;
        switch (Value.kind(v)) {
            case Value.CONST -> {
                int tag = Value.constValue(v);
                if (tag == 0 && r.action() == PoolRoutine.Action.FREE) {
                    return new TagUse(r, TagUse.Status.UNTAGGED, null, null, "tag 0: not checked", s.function,
                            s.site, via, viaParam, null);
                }
                String evidence = Value.constOrigin(v) == Value.READ_ONLY ? "read-only data" : "immediate";
                String caveat = s.via != null && s.via.dataRva >= 0
                        ? String.format("may be replaced by writable data at 0x%X", image.va(s.via.dataRva)) : null;
                return new TagUse(r, TagUse.Status.TAG, PoolTag.ofValue(tag), evidence, caveat, s.function, s.site, via,
                        viaParam, null);
            }
            case Value.PARAM, Value.PARAM_OR_DATA -> {
                int p = Value.paramIndex(v);
                String what = isa instanceof X86Isa x && !x.is64() ? "stack slot " + p : "parameter " + (p + 1);
                if (Value.kind(v) == Value.PARAM_OR_DATA) {
                    what += String.format(" or writable data at 0x%X", image.va(Value.dataRva(v)));
                }
                List<Wrapper> ws = wrappers.getOrDefault(s.function, List.of());
                String reason = ws.stream().anyMatch(w -> w.routine == r && w.parameter == p)
                        ? what + " of a wrapper (its callers are scanned)"
                        : what + " of a wrapper of a wrapper (not followed)";
                return new TagUse(r, TagUse.Status.UNKNOWN, null, null, reason, s.function, s.site, via, viaParam, null);
            }
            case Value.UNKNOWN -> {
                Value.Why why = Value.why(v);
                String reason = why.text;
                PoolTag initial = null;
                if (why == Value.Why.WRITABLE) {
                    int at = Value.whyRva(v);
                    long init = image.fileOffset(at) >= 0 ? image.u32(at) : -1;
                    reason = String.format("writable data at 0x%X", image.va(at));
                    if (init > 0) {
                        initial = PoolTag.ofValue((int) init);
                        reason += ", initially " + initial;
                    }
                }
                return new TagUse(r, TagUse.Status.UNKNOWN, null, null, reason, s.function, s.site, via, viaParam, initial);
            }
            default -> {
                return new TagUse(r, TagUse.Status.UNKNOWN, null, null, Value.Why.ADDRESS.text, s.function, s.site, via,
                        viaParam, null);
            }
        }
    }
}
