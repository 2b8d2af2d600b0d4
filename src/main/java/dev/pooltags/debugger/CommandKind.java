package dev.pooltags.debugger;

import dev.pooltags.snapshot.PoolUsedText;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The commands a log reader knows, recognised by the command line typed at the prompt, or, for pasted output without a
 * prompt, by the output's own lines.
 */
public enum CommandKind {
    /** {@code !poolused}: outstanding allocations and bytes per tag. */
    POOLUSED("!poolused"),
    /** {@code !poolfind TAG}: the blocks that carry a tag. */
    POOLFIND("!poolfind"),
    /** {@code !pool ADDRESS}: the blocks of the page an address lies in. */
    POOL("!pool"),
    /** {@code !verifier} with flags other than 0x80 ({@code !verifier 3 DRIVER.sys}): verified drivers, their tracked allocations. */
    VERIFIER("!verifier"),
    /** {@code !verifier 0x80}: the log of recent pool allocations and frees, with stacks. */
    VERIFIER_POOL_LOG("!verifier 0x80"),
    /** {@code verifier /query} and {@code verifier /querysettings} at a command prompt. */
    VERIFIER_QUERY("verifier /query"),
    /** {@code lm} and its variants ({@code lmv}, {@code lm v m NAME}, {@code lmDvm}): the loaded modules. */
    MODULES("lm"),
    /** {@code k} and its variants: a call stack, read when a breakpoint on a pool routine for one tag came before. */
    STACK("k"),
    /** {@code bp}, {@code bu}, {@code bm}: a breakpoint, remembered for the stacks that follow. */
    BREAKPOINT("bp"),
    /** Anything else: listed, not read. */
    OTHER("");

    private static final Pattern POOLUSED_CMD = Pattern.compile("^!(kdexts\\.)?poolused\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern POOLFIND_CMD = Pattern.compile("^!(kdexts\\.)?poolfind\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern POOL_CMD = Pattern.compile("^!(kdexts\\.)?pool(\\s.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERIFIER_CMD = Pattern.compile("^!(kdexts\\.)?verifier\\b\\s*(\\S*).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_CMD = Pattern.compile("^(\\S*\\\\)?verifier(\\.exe)?\\s+/query(settings)?\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LM_CMD = Pattern.compile("^lm[a-z]*(\\s.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STACK_CMD = Pattern.compile("^k[bcfhimnpPvL]*(\\s+(=\\S+\\s+)?(L?[0-9a-fA-Fx]+)?)?\\s*$");
    private static final Pattern BP_CMD = Pattern.compile("^b[pum](\\d+)?\\s+\\S.*$");

    private final String typed;

    CommandKind(String typed) {
        this.typed = typed;
    }

    /** How the command is typed, for messages. */
    public String typed() {
        return typed;
    }

    /** The kind of a command line (what follows the prompt). */
    public static CommandKind ofCommand(String command) {
        String c = command.strip();
        if (POOLUSED_CMD.matcher(c).matches()) {
            return POOLUSED;
        }
        if (POOLFIND_CMD.matcher(c).matches()) {
            return POOLFIND;
        }
        if (POOL_CMD.matcher(c).matches()) {
            return POOL;
        }
        var v = VERIFIER_CMD.matcher(c);
        if (v.matches()) {
            return verifierFlags(v.group(2)) == 0x80 ? VERIFIER_POOL_LOG : VERIFIER;
        }
        if (QUERY_CMD.matcher(c).matches()) {
            return VERIFIER_QUERY;
        }
        if (LM_CMD.matcher(c).matches()) {
            return MODULES;
        }
        if (STACK_CMD.matcher(c).matches()) {
            return STACK;
        }
        if (BP_CMD.matcher(c).matches()) {
            return BREAKPOINT;
        }
        return OTHER;
    }

    /**
     * {@code !verifier}'s first argument as a number: the kernel debugger's default radix is 16, so {@code 80} is 0x80;
     * {@code 0n} marks decimal. -1 when it is not a number (a driver name, {@code -disable}).
     */
    static long verifierFlags(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        try {
            if (a.isEmpty()) {
                return 0;
            }
            if (a.startsWith("0n")) {
                return Long.parseLong(a.substring(2));
            }
            return Long.parseLong(a.startsWith("0x") ? a.substring(2) : a, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final Pattern POOLFIND_LINE = Pattern.compile(
            "^\\s*(Scanning large pool allocation table for|Searching \\S+ pool \\(|Searching \\S+ \\S+ pool \\().*|"
                    + "^\\s*[0-9a-fA-F`]{8,17} : tag .{4}, size\\s+0x[0-9a-fA-F]+,.*");
    private static final Pattern POOL_LINE = Pattern.compile(
            "^\\s*(Pool page \\S+ region is .*|\\*[0-9a-fA-F`]{8,17} size:.*|\\*[0-9a-fA-F`]{8,17} : large page allocation.*)");
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*\\*?[0-9a-fA-F`]{8,17} size:\\s*[0-9a-fA-F]+ previous size:.*");
    private static final Pattern VERIFIER_LINE = Pattern.compile(
            "^\\s*(MODULE:\\s+0x\\S+\\s+\\S+\\s+\\(.*\\)|nt!_VF_TARGET_DRIVER .*|Driver Verification List.*|Pool Allocations Attempted\\s.*|"
                    + "PoolAddress\\s+SizeInBytes\\s+Tag.*|Verify (Flags )?Level .*|Old irql:\\s+\\S+)\\s*$");
    private static final Pattern POOL_LOG_LINE = Pattern.compile("^\\s*Pool block [0-9a-fA-F`]+, Size [0-9a-fA-F]+, Thread .*");
    private static final Pattern QUERY_LINE = Pattern.compile(
            "^\\s*(Verified drivers:|Verifier Flags:.*|Special pool: (Enabled|Disabled)|MODULE: \\S+ \\(load: \\d+ / unload: \\d+\\)|"
                    + "No drivers are currently verified\\.?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULES_LINE = Pattern.compile("^\\s*start\\s+end\\s+module name\\s*$");

    /**
     * The kind of output pasted without its prompt, from its first telling line; {@link #OTHER} when no line tells.
     * Block lines ({@code ADDRESS size: ... previous size: ...}) alone are read as a {@code !pool} listing.
     */
    public static CommandKind sniff(List<String> lines) {
        boolean blocks = false;
        for (String l : lines) {
            if (PoolUsedText.isHeader(l) || PoolUsedText.isTabRow(l)) {
                return POOLUSED;
            }
            if (POOLFIND_LINE.matcher(l).matches()) {
                return POOLFIND;
            }
            if (POOL_LINE.matcher(l).matches()) {
                return POOL;
            }
            if (POOL_LOG_LINE.matcher(l).matches()) {
                return VERIFIER_POOL_LOG;
            }
            if (QUERY_LINE.matcher(l).matches()) {
                return VERIFIER_QUERY;
            }
            if (VERIFIER_LINE.matcher(l).matches()) {
                return VERIFIER;
            }
            if (MODULES_LINE.matcher(l).matches()) {
                return MODULES;
            }
            blocks |= BLOCK_LINE.matcher(l).matches();
        }
        return blocks ? POOL : OTHER;
    }
}
