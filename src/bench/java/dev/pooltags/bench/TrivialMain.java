package dev.pooltags.bench;

/**
 * The baseline of {@code bench startup}: a Java program that does nothing. Its class file is copied out of pooltags'
 * jar into a folder of its own, so the baseline pays for starting the same JVM and nothing else.
 */
public final class TrivialMain {
    private TrivialMain() {}

    public static void main(String[] args) {
        // nothing: the cost of starting and stopping the JVM is what is measured
    }
}
