package dev.pooltags.debugger;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the assembled case log. */
public final class CaseLogAccess {
    private CaseLogAccess() {}

    public static Path write(Path dir) throws IOException {
        return CaseLog.write(dir);
    }
}
