package dev.pooltags.debugger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Frames of a stack as WinDbg prints them, {@code module!function+0x12}, innermost first. */
final class StackFrames {
    private StackFrames() {
    }

    /**
     * The first frame whose module is not one of {@code modules} (lower case): the code that asked, once the
     * kernel's and the helpers' frames that act on its behalf are passed over. Frames without a module are skipped.
     */
    static Optional<String> firstOutside(List<String> frames, Set<String> modules) {
        for (String f : frames) {
            int bang = f.indexOf('!');
            if (bang > 0 && !modules.contains(f.substring(0, bang).toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
