package dev.pooltags.sniff;

/** The kinds of input pooltags tells apart, what each is called in messages, and which command reads it. */
public enum InputKind {
    FOLDER("a folder", null),
    EMPTY("an empty file", null),
    PE_IMAGE("a PE image (a driver or program)", "pooltags scan FILE, or pooltags who TAG --drivers FILE"),
    KERNEL_DUMP("a Windows kernel crash dump", "pooltags dump FILE (or leaks, convert and lookup --tags-in for its pool by tag)"),
    USER_MINIDUMP("a user-mode minidump", "WinDbg (windbg -z FILE): it holds one program's crash, not the kernel's pool"),
    RECORDING("a pooltags recording", "pooltags leaks, convert, or snapshot and top --source replay:FILE"),
    SNAPSHOT_JSONL("pooltags JSON Lines snapshots", "pooltags leaks, convert, or snapshot and top --source replay:FILE"),
    SNAPSHOT_CSV("a pooltags CSV of snapshots", "pooltags leaks, convert, or snapshot and top --source replay:FILE"),
    POOLMONX_CSV("a PoolMonX CSV", "pooltags leaks, convert, or snapshot and top --source replay:FILE"),
    POOLMON("a PoolMon screen or /n log", "pooltags leaks, convert, or snapshot and top --source replay:FILE"),
    POOLUSED("!poolused output", "pooltags leaks or convert (as snapshots), or pooltags debugger"),
    SLABINFO("a saved /proc/slabinfo", "pooltags leaks, convert, or snapshot --source replay:FILE"),
    TRACE_JSONL("a pooltags allocation trace", "pooltags trace FILE"),
    XPERF_CSV("xperf's dumper CSV of pool events", "pooltags trace FILE"),
    VERIFIER("!verifier 3 output (allocations Driver Verifier tracks)", "pooltags trace FILE, or pooltags debugger FILE"),
    DEBUGGER_LOG("a WinDbg/KD session log", "pooltags debugger FILE"),
    SARIF("a SARIF log", "a SARIF viewer (pooltags lint --format sarif writes it)"),
    TAG_FILE("a tag file (the Pooltag.txt layout)", "pooltags lookup --tagfile FILE (or --localtag FILE, --check FILE)"),
    C_SOURCE("C/C++ source", "pooltags lint FILE"),
    JSON_OTHER("JSON that is none of pooltags' formats", null),
    TEXT_OTHER("text in no format pooltags knows", null),
    BINARY_OTHER("a binary file of no kind pooltags knows", null);

    private final String title;
    private final String readBy;

    InputKind(String title, String readBy) {
        this.title = title;
        this.readBy = readBy;
    }

    /** What the input is, as a message says it ("a PE image (a driver or program)"). */
    public String title() {
        return title;
    }

    /** The command (or tool) that reads it, or null when nothing does. */
    public String readBy() {
        return readBy;
    }

    /** True for the kinds that only a format's own reader can judge further (any text might still be read). */
    public boolean unrecognized() {
        return this == TEXT_OTHER;
    }
}
