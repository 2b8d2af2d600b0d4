package dev.pooltags.replay;

/**
 * Windows Performance Analyzer's classes of an allocation's lifetime relative to a selected time window, as the
 * Pool and Heap tables' "Type" column shows them. Source:
 * <a href="https://learn.microsoft.com/archive/blogs/ntdebugging/troubleshooting-pool-leaks-part-7-windows-performance-toolkit">Troubleshooting
 * Pool Leaks Part 7 - Windows Performance Toolkit</a> (Microsoft's NTDebugging blog), which reads a pool leak from the
 * allocations that were "Allocated Inside and Freed Outside" (AIFO) the selected time range.
 */
public enum LifetimeClass {
    AIFI("transient: came and went within the window"),
    AIFO("still outstanding when the window ends: the leak candidates"),
    AOFI("allocated before the window (or the trace), released within it"),
    AOFO("held across the whole window");

    private final String meaning;

    LifetimeClass(String meaning) {
        this.meaning = meaning;
    }

    /** The words the class's letters stand for: AIFO is "allocated inside, freed outside". */
    public String description() {
        return "allocated " + side(name().charAt(1)) + ", freed " + side(name().charAt(3));
    }

    private static String side(char letter) {
        return letter == 'I' ? "inside" : "outside";
    }

    public String meaning() {
        return meaning;
    }
}
