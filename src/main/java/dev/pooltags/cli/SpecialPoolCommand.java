package dev.pooltags.cli;

import dev.pooltags.report.SpecialPoolReport;
import dev.pooltags.source.UsageException;
import dev.pooltags.specialpool.RegistryWriter;
import dev.pooltags.specialpool.SpecialPoolPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags special-pool}: what to run on the target to put one tag in special pool. */
@Command(name = "special-pool", mixinStandardHelpOptions = true)
public final class SpecialPoolCommand extends Subcommand {
    @Mixin
    ReportOptions output = report("text (default), reg (a .reg file) or json.", SpecialPoolReport.renderers(false));

    @Parameters(paramLabel = "TAG", arity = "0..1", description = "The tag (MyBf, 'fByM', 0x6642794D) or a GFlags pattern with ? and * (Fat*, Av?4).")
    String tag;

    @Option(names = "--size", paramLabel = "BYTES", description = "Special pool by allocation size instead of a tag (decimal, or hex with 0x).")
    String size;

    @Option(names = "--x86", description = "Size ranges of 32-bit Windows (8 bytes) instead of x64's (16 bytes).")
    boolean x86;

    @Option(names = "--driver", paramLabel = "NAME.sys", description = "Also verify this driver with Driver Verifier's special pool and pool tracking.")
    String driver;

    @Option(names = "--underruns", description = "Verify Start (PoolTagOverruns 0): catch underruns instead of overruns.")
    boolean underruns;

    @Option(names = "--off", description = "With --format reg or --apply: remove the special-pool request instead.")
    boolean off;

    @Option(names = "--apply", description = "Windows only: write the registry values now (asks first; needs an elevated prompt). "
            + "They take effect at the next restart.")
    boolean apply;

    @Option(names = "--yes", description = "With --apply: do not ask.")
    boolean yes;

    @Override
    protected ExitCode execute() {
        if (off && !apply && !output.format().equals("reg")) {
            throw new UsageException("--off goes with --format reg or --apply; the text already lists how to turn special pool off");
        }
        if ((tag == null) == (size == null) && !(off && tag == null && size == null)) {
            throw new UsageException(tag == null ? "name a TAG or give --size BYTES (pooltags special-pool amda)"
                    : "give a TAG or --size, not both: only one special-pool tag or size is in effect at a time");
        }
        if (driver != null && !driver.toLowerCase(Locale.ROOT).matches("[\\w.$~-]+\\.(sys|dll)")) {
            throw new UsageException("--driver takes a driver's file name such as mydrv.sys, not '" + driver + "'");
        }
        SpecialPoolPlan plan;
        try {
            if (size != null) {
                long bytes = size.startsWith("0x") || size.startsWith("0X") ? Long.parseLong(size.substring(2), 16) : Long.parseLong(size);
                plan = SpecialPoolPlan.forSize(bytes, underruns, Optional.ofNullable(driver), x86);
            } else if (tag != null) {
                plan = SpecialPoolPlan.forTag(tag, underruns, Optional.ofNullable(driver), x86);
            } else {
                plan = SpecialPoolPlan.forTag("*", underruns, Optional.empty(), x86); // --off alone: only the value names are used
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--size takes a number of bytes (1040 or 0x410), not '" + size + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (apply) {
            if (!RegistryWriter.onWindows()) {
                RegistryWriter.apply(plan, off); // explains what to do instead
            }
            stdout.println((off ? "Remove" : "Set") + " under " + SpecialPoolPlan.KEY + ":");
            for (List<String> c : RegistryWriter.commands(plan, off)) {
                stdout.println("  " + String.join(" ", c));
            }
            stdout.flush();
            if (!yes && !confirm(stdout)) {
                spec.commandLine().getErr().println("pooltags: nothing written");
                return ExitCode.ENVIRONMENT;
            }
            RegistryWriter.apply(plan, off);
            stdout.println("Written. Restart the machine for it to take effect (shutdown /r /t 0); turn it off with pooltags special-pool --off --apply.");
            stdout.flush();
            return ExitCode.OK;
        }
        output.write(stdout, w -> SpecialPoolReport.renderers(off).render(output.format(), w, plan));
        return ExitCode.OK;
    }

    private static boolean confirm(PrintWriter out) {
        out.print("Write these values? [y/N] ");
        out.flush();
        try {
            String a = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return a != null && (a.strip().equalsIgnoreCase("y") || a.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
