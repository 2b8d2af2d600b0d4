package dev.pooltags.dump;

/**
 * What a kernel dump holds, from the header's DumpType and, for the bitmap and range layouts, the signature of the
 * second header. Automatic memory dumps are written in the kernel memory dump's layout and active memory dumps in
 * the complete one's; the file does not tell them apart, so neither is claimed.
 */
public enum DumpKind {
    /** DumpType 1: every physical page, listed by the header's physical memory runs. */
    COMPLETE_RUNS("complete memory dump (physical memory runs)", true),
    /** DumpType 2: the old kernel summary dump, a bitmap of the pages present. */
    KERNEL_SUMMARY("kernel memory dump (summary bitmap)", true),
    /** DumpType 3: the header only. */
    HEADER_ONLY("header-only dump", false),
    /** DumpType 4: a small (triage) dump: context, driver lists, stack and captured data blocks. */
    SMALL("small memory dump (triage)", false),
    /** DumpType 5 with 'SDMP': kernel memory, as a bitmap of physical pages (automatic dumps use this layout). */
    KERNEL_BITMAP("kernel memory dump (bitmap)", true),
    /** DumpType 5 with 'FDMP': all physical memory, as a bitmap (active dumps use this layout). */
    COMPLETE_BITMAP("complete memory dump (bitmap)", true),
    /** DumpType 6: a live kernel dump in the bitmap layout (Task Manager's 'Create live kernel memory dump'). */
    LIVE_BITMAP("live kernel memory dump (bitmap)", true),
    /** DumpType 8: kernel memory as page ranges ('RDMP'), as .dump /k writes it. */
    KERNEL_RANGES("kernel memory dump (page ranges)", true),
    /** DumpType 9: kernel and user memory as page ranges, as .dump /ka writes it. */
    KERNEL_USER_RANGES("kernel and user memory dump (page ranges)", true),
    /** DumpType 10: complete memory as page ranges, as .dump /f writes it. */
    COMPLETE_RANGES("complete memory dump (page ranges)", true),
    /** A DumpType pooltags does not know. */
    UNKNOWN("dump of an unknown type", false);

    private final String label;
    private final boolean physical;

    DumpKind(String label, boolean physical) {
        this.label = label;
        this.physical = physical;
    }

    /** What to call it. */
    public String label() {
        return label;
    }

    /** True when the dump holds physical pages (the pool is scanned page by page, by physical address). */
    public boolean physical() {
        return physical;
    }
}
