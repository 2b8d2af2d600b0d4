package dev.pooltags.poolblock;

/**
 * Whether a block is in use. {@code !pool} and the old {@code !poolfind} print {@code (Allocated)} or {@code (Free)};
 * the current {@code !poolfind} and a special-pool page do not say, hence {@link #UNKNOWN}.
 */
public enum BlockState {
    ALLOCATED("Allocated"),
    FREE("Free"),
    UNKNOWN("?");

    private final String text;

    BlockState(String text) {
        this.text = text;
    }

    /** As WinDbg prints it inside the parentheses ({@code Allocated}, {@code Free}); {@code ?} when unknown. */
    public String text() {
        return text;
    }
}
