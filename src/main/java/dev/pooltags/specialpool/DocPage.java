package dev.pooltags.specialpool;

/** The Microsoft documentation pages the special-pool steps follow, by title and address. */
public enum DocPage {
    GFLAGS_COMMANDS("GFlags Commands", "https://learn.microsoft.com/windows-hardware/drivers/debugger/gflags-commands"),
    EXAMPLE_14("Example 14: Configuring Special Pool",
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/example-14---configuring-special-pool"),
    SPECIAL_POOL("Special Pool (GFlags)", "https://learn.microsoft.com/windows-hardware/drivers/debugger/special-pool"),
    BY_POOL_TAG("Requesting Special Pool by Pool Tag",
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/requesting-special-pool-by-pool-tag"),
    CANCELING("Canceling Requests for Special Pool",
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/canceling-requests-for-special-pool"),
    OVERRUNS("Detecting Overruns and Underruns",
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/detecting-overruns-and-underruns"),
    GFLAGS_DETAILS("GFlags Details (Registry Information)", "https://learn.microsoft.com/windows-hardware/drivers/debugger/gflags-details"),
    DV_SPECIAL_POOL("Special pool memory corruption detection in Driver Verifier",
            "https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool"),
    VERIFIER_COMMAND_LINE("Driver Verifier command syntax", "https://learn.microsoft.com/windows-hardware/drivers/devtest/verifier-command-line");

    private final String title;
    private final String url;

    DocPage(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }
}
