package dev.pooltags.snapshot;

/**
 * A kind of {@code --source} that a package above this one provides (the simulator's {@code demo:SCENARIO}), found
 * through {@link java.util.ServiceLoader} when a spec names a kind this package does not know: the snapshot package
 * never names the package that provides it, and nothing is loaded until such a spec is opened.
 */
public interface SnapshotSourceKind {
    /** The word before the colon, lower case ({@code demo}). */
    String kind();

    /** How {@code --source} spells it, as the error for an unknown source lists it. */
    String usage();

    /** The source {@code kind:argument} names. */
    SnapshotSource open(String argument);
}
