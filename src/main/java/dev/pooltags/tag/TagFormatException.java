package dev.pooltags.tag;

/** A tag or tag pattern that cannot be read; the message says what is wrong and how to write it. */
public final class TagFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TagFormatException(String message) {
        super(message);
    }
}
