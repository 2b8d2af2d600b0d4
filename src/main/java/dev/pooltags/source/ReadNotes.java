package dev.pooltags.source;

/**
 * What reading found that does not stop it: a warning (a recording's torn tail: the recorder was interrupted, and
 * every sample before it was read) or damage (a flipped bit inside a file: reported with its offset, reading went
 * on with what could be trusted, and the command exits with status 3 at the end).
 */
@FunctionalInterface
public interface ReadNotes {
    /** Notes that are dropped. */
    ReadNotes NONE = w -> { };

    void warning(String message);

    /** Damage: by default a warning too; the command line also remembers it for the exit status. */
    default void damage(String message) {
        warning(message);
    }
}
