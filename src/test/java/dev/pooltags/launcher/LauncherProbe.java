package dev.pooltags.launcher;

/** The main class of the small jar {@link LauncherCdsTest} runs through the real launcher script. */
public final class LauncherProbe {
    private LauncherProbe() {}

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
    }
}
