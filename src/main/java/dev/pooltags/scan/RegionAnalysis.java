package dev.pooltags.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one stretch of code and follows values through it: the instructions are decoded in address order,
 * split into basic blocks at branch targets and after every transfer of control, and the state at each block's
 * start is the meet of what reaches it from its predecessors (iterated until nothing changes, so loops are
 * covered). Calls are reported to an {@link Observer} with the state at the call.
 *
 * <p>A region is either one function (a {@code .pdata} range: it starts at its first byte, and blocks no branch
 * reaches start with nothing known) or a gap (code between {@code .pdata} ranges, or all of an x86 section):
 * there a block no branch reaches that follows a return or jump (after padding), or any address a direct call
 * targets, starts a new function with its parameters in place.
 */
final class RegionAnalysis {
    /** Receives every call and tail jump; returns the bytes the callee pops (x86), or -1 when not known. */
    interface Observer {
        int call(RegionAnalysis r, Insn site, State s, long callee, boolean tail, int function, boolean record);
    }

    private static final int MAX_PASSES = 16;
    private static final int MAX_INSTRUCTIONS = 400_000;

    final Isa isa;
    final Code code;
    final int start;
    final int end;
    private final boolean gap;
    private final boolean fragment;
    private final int[] callTargets;
    private final int[] syncPoints;
    private final int[] caseLabels;

    private final List<Insn> insns;
    private int[] rvas;
    private boolean[] padding;
    private int[] blockStart;
    private int[] blockEnd;
    private int[] blockFunction;
    /** 0: reached from predecessors; 1: a function entry (parameters); 2: entry with nothing known. */
    private int[] blockEntry;
    private int[][] successors;
    private final Map<Long, Integer> epochs = new HashMap<>();
    private final java.util.BitSet entryEpochs = new java.util.BitSet();
    private int currentFunction;
    /** Gap regions: addresses that start a function (called, or aligned after a transfer and reached by no branch). */
    private int[] functionStarts = new int[0];

    /**
     * @param callTargets sorted RVAs that direct calls reach (function starts; jumps there are tail calls)
     * @param syncPoints  sorted RVAs known to start an instruction: decoding realigns there
     * @param caseLabels  sorted RVAs reached through jump tables (entered with nothing known)
     */
    RegionAnalysis(Isa isa, Code code, int start, int end, boolean gap, boolean fragment, int[] callTargets,
            int[] syncPoints, int[] caseLabels) {
        this.isa = isa;
        this.code = code;
        this.start = start;
        this.end = Math.min(end, code.end);
        this.gap = gap;
        this.fragment = fragment;
        this.callTargets = callTargets;
        this.syncPoints = syncPoints;
        this.caseLabels = caseLabels;
        // about one instruction per 3.5 bytes of x86 code, one per 4 on ARM64
        this.insns = new ArrayList<>(Math.max(16, Math.min(MAX_INSTRUCTIONS, (this.end - start) / 3)));
    }

    /** Decodes, builds blocks, iterates to a fixed point, then replays each block once reporting its calls. */
    void run(Observer observer) {
        decode();
        if (insns.isEmpty()) {
            return;
        }
        blocks();
        State[] in = new State[blockStart.length];
        for (int b = 0; b < in.length; b++) {
            if (blockEntry[b] != 0) {
                in[b] = entryState(b);
            }
        }
        // a block is transferred again only when what reaches it changed
        boolean[] dirty = new boolean[in.length];
        for (int b = 0; b < in.length; b++) {
            dirty[b] = in[b] != null;
        }
        boolean converged = false;
        for (int pass = 0; pass < MAX_PASSES && !converged; pass++) {
            converged = true;
            for (int b = 0; b < in.length; b++) {
                if (!dirty[b]) {
                    continue;
                }
                dirty[b] = false;
                State out = in[b].copy();
                transfer(b, out, observer, false);
                int[] succ = successors[b];
                for (int k = 0; k < succ.length; k++) {
                    int t = succ[k];
                    if (blockEntry[t] != 0) {
                        continue;
                    }
                    boolean changed;
                    if (in[t] == null) {
                        in[t] = k == succ.length - 1 ? out : out.copy();
                        changed = true;
                    } else {
                        changed = in[t].meet(out);
                    }
                    if (changed) {
                        dirty[t] = true;
                        if (t <= b) {
                            converged = false; // a back edge: another pass
                        }
                    }
                }
            }
        }
        if (!converged) {
            // give up on what loops carry rather than report a value that may not hold
            for (int b = 0; b < in.length; b++) {
                if (in[b] != null && blockEntry[b] == 0) {
                    in[b].setAll(Value.unknown(Value.Why.PATHS));
                    in[b].regs[isa.stackPointer()] = Value.stack(0, epochAt(blockStart(b), true));
                }
            }
        }
        // the final pass reports calls: only blocks that make one need replaying
        for (int b = 0; b < in.length; b++) {
            if (in[b] != null && makesCalls(b)) {
                transfer(b, in[b].copy(), observer, true);
            }
        }
    }

    private boolean makesCalls(int b) {
        for (int i = blockStart[b]; i < blockEnd[b]; i++) {
            Flow f = insns.get(i).flow;
            if (f == Flow.CALL || f == Flow.CALL_INDIRECT || f == Flow.JUMP_INDIRECT || f == Flow.JUMP || f == Flow.BRANCH) {
                return true;
            }
        }
        return false;
    }

    private State entryState(int b) {
        State s = new State(isa.registers());
        int at = blockStart(b);
        if (blockEntry[b] == 1) {
            int e = epochAt(at, false);
            entryEpochs.set(e);
            isa.entry(s, e);
        } else {
            s.setAll(Value.unknown(Value.Why.ENTRY));
            s.regs[isa.stackPointer()] = Value.stack(0, epochAt(at, false));
        }
        return s;
    }

    private void transfer(int b, State s, Observer observer, boolean record) {
        currentFunction = blockFunction[b];
        int sp = isa.stackPointer();
        if (Value.kind(s.regs[sp]) != Value.STACK) {
            // paths arrive with different stack pointers: a new frame epoch from here
            s.regs[sp] = Value.stack(0, epochAt(blockStart(b), true));
        }
        for (int i = blockStart[b]; i < blockEnd[b]; i++) {
            Insn in = insns.get(i);
            switch (in.flow) {
                case CALL, CALL_INDIRECT -> {
                    long callee = isa.callee(in, s, this);
                    int pops = observer.call(this, in, s, callee, false, currentFunction, record);
                    isa.afterCall(in, s, pops, this);
                }
                case JUMP_INDIRECT -> {
                    long callee = isa.callee(in, s, this);
                    int k = Value.kind(callee);
                    if (k == Value.IMPORT || k == Value.ADDR) {
                        observer.call(this, in, s, callee, true, currentFunction, record);
                    }
                }
                case JUMP, BRANCH -> {
                    if (isTailCall(in.target)) {
                        observer.call(this, in, s, isa.callee(in, s, this), true, currentFunction, record);
                    }
                    isa.execute(in, s, this);
                }
                default -> isa.execute(in, s, this);
            }
            if (Value.kind(s.regs[sp]) != Value.STACK) {
                s.regs[sp] = Value.stack(0, epochAt(in.rva, true));
            }
        }
    }

    /** A direct jump leaves the function: its target is outside the region or is a function start. */
    private boolean isTailCall(int target) {
        if (target < start || target >= end) {
            return true;
        }
        return gap && Arrays.binarySearch(functionStarts, target) >= 0;
    }

    /** A frame epoch that is the same every time the same point is analysed (so the iteration converges). */
    int epochAt(int rva, boolean reset) {
        long key = (Integer.toUnsignedLong(rva) << 1) | (reset ? 1 : 0);
        Integer e = epochs.get(key);
        if (e == null) {
            e = Math.min(epochs.size() + 1, 65535);
            epochs.put(key, e);
        }
        return e;
    }

    /** x86 epoch reset at an instruction (stack pointer no longer known). */
    int epochAt(int rva) {
        return epochAt(rva, true);
    }

    boolean isEntryEpoch(int epoch) {
        return epoch >= 0 && entryEpochs.get(epoch);
    }

    /** The instruction after {@code in} in address order, or null. */
    Insn following(Insn in) {
        int i = Arrays.binarySearch(rvas, in.rva);
        return i >= 0 && i + 1 < rvas.length && rvas[i + 1] == in.rva + in.length ? insns.get(i + 1) : null;
    }

    /** Instructions from {@code from} (inclusive) to {@code to} (exclusive), both instruction addresses. */
    int instructionsBetween(int from, int to) {
        int a = Arrays.binarySearch(rvas, from);
        int b = Arrays.binarySearch(rvas, to);
        return a >= 0 && b >= 0 ? b - a : Integer.MAX_VALUE;
    }

    /** True when an instruction starts at this RVA. */
    boolean startsInstruction(int rva) {
        int i = Arrays.binarySearch(rvas, rva);
        return i >= 0 && !padding[i];
    }

    /** The instruction containing this RVA (start inclusive), or null. */
    Insn instructionAt(int rva) {
        int i = Arrays.binarySearch(rvas, rva);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return null;
        }
        Insn in = insns.get(i);
        return rva < in.rva + in.length ? in : null;
    }

    private int blockStart(int b) {
        return insns.get(blockStart[b]).rva;
    }

    private void decode() {
        int pos = start;
        int syncIndex = lowerBound(syncPoints, start + 1);
        while (pos < end && insns.size() < MAX_INSTRUCTIONS) {
            Insn in = isa.newInsn();
            if (!gap || !isa.image.isRelocated(pos) || isa.pointerSize() != 4) {
                isa.decode(code, pos, in);
            } else {
                // a relocated pointer where an instruction should start: a jump table in the code section
                in.rva = pos;
                in.length = 4;
                in.flow = Flow.STOP;
            }
            if (pos + in.length > end) {
                in.length = end - pos;
                in.flow = Flow.STOP;
            }
            while (syncIndex < syncPoints.length && syncPoints[syncIndex] <= pos) {
                syncIndex++;
            }
            if (syncIndex < syncPoints.length && syncPoints[syncIndex] < pos + in.length) {
                // a known instruction start lies inside: these bytes were not an instruction after all
                in.length = syncPoints[syncIndex] - pos;
                in.flow = Flow.STOP;
            }
            insns.add(in);
            pos += in.length;
        }
        rvas = new int[insns.size()];
        for (int i = 0; i < rvas.length; i++) {
            rvas[i] = insns.get(i).rva;
        }
    }

    private static int lowerBound(int[] a, int key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }

    private boolean in(int[] sorted, int rva) {
        return Arrays.binarySearch(sorted, rva) >= 0;
    }

    private void blocks() {
        int n = insns.size();
        boolean[] branchTarget = branchTargets();
        padding = new boolean[n];
        boolean[] padded = markPadding(branchTarget);
        if (gap) {
            findFunctionStarts(branchTarget, padded);
        }
        cutBlocks(leaders(padded));
        boolean[] hasPred = linkSuccessors();
        classifyEntries(hasPred);
    }

    /** The instructions a conditional branch goes to. */
    private boolean[] branchTargets() {
        int n = insns.size();
        boolean[] branchTarget = new boolean[n];
        for (int i = 0; i < n; i++) {
            Insn in = insns.get(i);
            if (in.flow == Flow.BRANCH) {
                int t = Arrays.binarySearch(rvas, in.target);
                if (t >= 0) {
                    branchTarget[t] = true;
                }
            }
        }
        return branchTarget;
    }

    /**
     * Marks the padding after a transfer of control (it belongs to no block); returns the instructions that follow
     * padding.
     */
    private boolean[] markPadding(boolean[] branchTarget) {
        int n = insns.size();
        boolean[] padded = new boolean[n];
        for (int i = 0; i < n; i++) {
            // a gap starts where a function (or the section) ended, as if after a transfer of control
            boolean afterTransfer = i == 0 ? gap : insns.get(i - 1).ends() || padding[i - 1];
            if (!branchTarget[i] && afterTransfer && isa.isPadding(insns.get(i))
                    && !(gap && in(callTargets, rvas[i]))) {
                padding[i] = true;
                if (i + 1 < n) {
                    padded[i + 1] = true;
                }
            }
        }
        return padded;
    }

    /**
     * A function starts where calls go, and where code begins after alignment padding that no conditional branch
     * reaches (an unconditional jump there is a tail call).
     */
    private void findFunctionStarts(boolean[] branchTarget, boolean[] padded) {
        int n = insns.size();
        Isa.IntList starts = new Isa.IntList();
        for (int i = 0; i < n; i++) {
            if (!padding[i] && (in(callTargets, rvas[i]) || padded[i] && !branchTarget[i])) {
                starts.add(rvas[i]);
            }
        }
        functionStarts = starts.sortedDistinct();
        // repeated, as each new start splits a function
        for (int round = 0; round < 4; round++) {
            Isa.IntList more = tailCallStarts(branchTarget);
            if (more.n == 0) {
                break;
            }
            for (int v : functionStarts) {
                more.add(v);
            }
            functionStarts = more.sortedDistinct();
        }
    }

    /**
     * An unconditional jump out of its function into code that follows a transfer of control is a tail call: the
     * targets of such jumps not yet known as function starts.
     */
    private Isa.IntList tailCallStarts(boolean[] branchTarget) {
        Isa.IntList more = new Isa.IntList();
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (in.flow != Flow.JUMP || in.target < start || in.target >= end) {
                continue;
            }
            int t = Arrays.binarySearch(rvas, in.target);
            if (t <= 0 || branchTarget[t] || padding[t] || !(insns.get(t - 1).ends() || padding[t - 1])
                    || in(functionStarts, in.target)) {
                continue;
            }
            int k = lowerBound(functionStarts, in.rva + 1) - 1;
            int from = k >= 0 ? functionStarts[k] : start;
            int to = k + 1 < functionStarts.length ? functionStarts[k + 1] : end;
            if (in.target < from || in.target >= to) {
                more.add(in.target);
            }
        }
        return more;
    }

    /** The instructions that start a block: jump targets, those after a transfer, function starts, sync points. */
    private boolean[] leaders(boolean[] padded) {
        int n = insns.size();
        boolean[] leader = new boolean[n];
        leader[0] = true;
        for (int i = 0; i < n; i++) {
            Insn in = insns.get(i);
            if ((in.flow == Flow.JUMP || in.flow == Flow.BRANCH) && !isTailCall(in.target)) {
                int t = Arrays.binarySearch(rvas, in.target);
                if (t >= 0) {
                    leader[t] = true;
                }
            }
            if ((in.ends() || in.flow == Flow.BRANCH) && i + 1 < n) {
                leader[i + 1] = true;
            }
            if (padded[i] || gap && (in(functionStarts, in.rva) || in(caseLabels, in.rva))) {
                leader[i] = true;
            }
            if (in(syncPoints, in.rva)) {
                leader[i] = true;
            }
        }
        return leader;
    }

    /** The blocks: runs of instructions from a leader to the next leader or padding. */
    private void cutBlocks(boolean[] leader) {
        int n = insns.size();
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < n; ) {
            if (padding[i]) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && !leader[j] && !padding[j]) {
                j++;
            }
            list.add(new int[] {i, j});
            i = j;
        }
        int nb = list.size();
        blockStart = new int[nb];
        blockEnd = new int[nb];
        blockEntry = new int[nb];
        blockFunction = new int[nb];
        successors = new int[nb][];
        for (int b = 0; b < nb; b++) {
            blockStart[b] = list.get(b)[0];
            blockEnd[b] = list.get(b)[1];
        }
    }

    /** Each block's successors (fall-through, then jump target); returns the blocks some block reaches. */
    private boolean[] linkSuccessors() {
        int n = insns.size();
        int nb = blockStart.length;
        int[] insnBlock = new int[n];
        Arrays.fill(insnBlock, -1);
        for (int b = 0; b < nb; b++) {
            insnBlock[blockStart[b]] = b;
        }
        boolean[] hasPred = new boolean[nb];
        for (int b = 0; b < nb; b++) {
            Insn last = insns.get(blockEnd[b] - 1);
            int[] succ = new int[2];
            int k = 0;
            if (!last.ends() && blockEnd[b] < n && !padding[blockEnd[b]]
                    && rvas[blockEnd[b]] == last.rva + last.length) {
                succ[k++] = insnBlock[blockEnd[b]];
            }
            if ((last.flow == Flow.JUMP || last.flow == Flow.BRANCH) && !isTailCall(last.target)) {
                int t = Arrays.binarySearch(rvas, last.target);
                if (t >= 0 && insnBlock[t] >= 0) {
                    succ[k++] = insnBlock[t];
                }
            }
            successors[b] = Arrays.copyOf(succ, k);
            for (int t : successors[b]) {
                hasPred[t] = true;
            }
        }
        return hasPred;
    }

    /** How each block is entered (0 reached, 1 function entry, 2 unknown entry) and the function it belongs to. */
    private void classifyEntries(boolean[] hasPred) {
        int function = start;
        for (int b = 0; b < blockStart.length; b++) {
            int rva = rvas[blockStart[b]];
            if (b == 0 && rva == start) {
                blockEntry[b] = fragment ? 2 : 1;
            } else if (gap && in(functionStarts, rva)) {
                blockEntry[b] = 1;
            } else if (gap && in(caseLabels, rva)) {
                blockEntry[b] = hasPred[b] ? 0 : 2;
            } else if (!hasPred[b]) {
                boolean afterTransfer = blockStart[b] == 0 || insns.get(blockStart[b] - 1).ends() || padding[blockStart[b] - 1];
                blockEntry[b] = gap && afterTransfer ? 1 : 2;
            }
            if (blockEntry[b] == 1 || !gap && b == 0) {
                function = rva;
            }
            blockFunction[b] = gap ? function : start;
        }
    }
}
