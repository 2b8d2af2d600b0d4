package dev.pooltags.replay;

/**
 * Windows Performance Analyzer's classes of an allocation's lifetime relative to a selected time window, as the
 * Pool and Heap tables' "Type" column shows them. Source:
 * <a href="https://learn.microsoft.com/archive/blogs/ntdebugging/troubleshooting-pool-leaks-part-7-windows-performance-toolkit">Troubleshooting
 * Pool Leaks Part 7 - Windows Performance Toolkit</a> (Microsoft's NTDebugging blog), which reads a pool leak from the
 * allocations that were "Allocated Inside and Freed Outside" (AIFO) the selected time range.
 */
public enum LifetimeClass {
    AIFI("allocated inside, freed inside", "transient: came and went within the window"),
    AIFO("allocated inside, freed outside", "still outstanding when the window ends: the leak candidates"),
    AOFI("allocated outside, freed inside", "allocated before the window (or the trace), released within it"),
    AOFO("allocated outside, freed outside", "held across the whole window");

    private final String description;
    private final String meaning;

    LifetimeClass(String description, String meaning) {
        this.description = description;
        this.meaning = meaning;
    }

    public String description() {
        return description;
    }

    public String meaning() {
        return meaning;
    }
}
