package dev.pooltags.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run the launchers record their start-up archive from (an AOT cache on JDK 25 and later, AppCDS before):
 * the quick commands as a user runs them, in-process, their output discarded, so the archive holds what those commands
 * load whichever is run first. Started by the launcher with {@code POOLTAGS_TRAINING=1}; every command's failure is
 * ignored (a training run must not stop the real one).
 */
final class StartupTraining {
    private StartupTraining() {}

    static void run() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pooltags-training");
            Path tags = Files.writeString(dir.resolve("pooltag.txt"), "Ntfx - ntfs.sys - General Allocation\r\nAfd? - afd.sys - AFD objects\r\n");
            Path source = Files.writeString(dir.resolve("drv.c"), "#include <ntddk.h>\nvoid f(void) { void *p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'MyBf');"
                    + " ExFreePoolWithTag(p, 'MyBx'); }\n");
            List<String[]> commands = new ArrayList<>();
            commands.add(new String[] {"--help"});
            commands.add(new String[] {"--version"});
            for (String c : PooltagsCommand.SUBCOMMANDS.keySet()) {
                commands.add(new String[] {c, "--help"});
            }
            commands.add(new String[] {"lookup", "Ntfx", "Afd1", "--no-localtag", "--tagfile", tags.toString()});
            commands.add(new String[] {"lookup", "Ntfx", "--no-localtag", "--tagfile", tags.toString(), "--format", "json"});
            commands.add(new String[] {"rules"});
            commands.add(new String[] {"lint", source.toString()});
            commands.add(new String[] {"snapshot", "--source", "demo:healthy", "--no-localtag"});
            commands.add(new String[] {"top", "--once", "--source", "demo:healthy", "--no-localtag"});
            commands.add(new String[] {"lokup"});
            for (String[] c : commands) {
                try {
                    Main.run(c, none, none);
                } catch (RuntimeException e) {
                    // a command that fails here only leaves its classes out of the archive
                }
            }
        } catch (IOException e) {
            // no temporary folder: the help texts were still run
        } finally {
            if (dir != null) {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // left in the temporary folder
                }
            }
        }
    }
}
