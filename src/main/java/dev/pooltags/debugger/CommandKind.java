package dev.pooltags.debugger;

import dev.pooltags.snapshot.PoolUsedText;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a log reader knows, recognised by the command line typed at the prompt, or, for pasted output without a
 * prompt, by the output's own lines.
 */
public enum CommandKind {
    /** {@code !poolused}: outstanding allocations and bytes per tag. */
    POOLUSED("!poolused", typed("^!(kdexts\\.)?poolused\\b.*"), l -> PoolUsedText.isHeader(l) || PoolUsedText.isTabRow(l)),
    /** {@code !poolfind TAG}: the blocks that carry a tag. */
    POOLFIND("!poolfind", typed("^!(kdexts\\.)?poolfind\\b.*"), printed(
            "^\\s*(Scanning large pool allocation table for|Searching \\S+ pool \\(|Searching \\S+ \\S+ pool \\().*|"
                    + "^\\s*[0-9a-fA-F`]{8,17} : tag .{4}, size\\s+0x[0-9a-fA-F]+,.*", 0)),
    /** {@code !pool ADDRESS}: the blocks of the page an address lies in. */
    POOL("!pool", typed("^!(kdexts\\.)?pool(\\s.*)?$"), printed(
            "^\\s*(Pool page \\S+ region is .*|\\*[0-9a-fA-F`]{8,17} size:.*|\\*[0-9a-fA-F`]{8,17} : large page allocation.*)", 0)),
    /** {@code !verifier} with flags other than 0x80 ({@code !verifier 3 DRIVER.sys}): verified drivers, their tracked allocations. */
    VERIFIER("!verifier", typed("^!(kdexts\\.)?verifier\\b\\s*(\\S*).*"), printed(
            "^\\s*(MODULE:\\s+0x\\S+\\s+\\S+\\s+\\(.*\\)|nt!_VF_TARGET_DRIVER .*|Driver Verification List.*|Pool Allocations Attempted\\s.*|"
                    + "PoolAddress\\s+SizeInBytes\\s+Tag.*|Verify (Flags )?Level .*|Old irql:\\s+\\S+)\\s*$", 0)),
    /** {@code !verifier 0x80}: the log of recent pool allocations and frees, with stacks (typed as {@link #VERIFIER}). */
    VERIFIER_POOL_LOG("!verifier 0x80", null,
            printed("^\\s*Pool block [0-9a-fA-F`]+, Size [0-9a-fA-F]+, Thread .*", 0)),
    /** {@code verifier /query} and {@code verifier /querysettings} at a command prompt. */
    VERIFIER_QUERY("verifier /query", typed("^(\\S*\\\\)?verifier(\\.exe)?\\s+/query(settings)?\\b.*"), printed(
            "^\\s*(Verified drivers:|Verifier Flags:.*|Special pool: (Enabled|Disabled)|MODULE: \\S+ \\(load: \\d+ / unload: \\d+\\)|"
                    + "No drivers are currently verified\\.?)\\s*$", Pattern.CASE_INSENSITIVE)),
    /** {@code lm} and its variants ({@code lmv}, {@code lm v m NAME}, {@code lmDvm}): the loaded modules. */
    MODULES("lm", typed("^lm[a-z]*(\\s.*)?$"), printed("^\\s*start\\s+end\\s+module name\\s*$", 0)),
    /** {@code k} and its variants: a call stack, read when a breakpoint on a pool routine for one tag came before. */
    STACK("k", Pattern.compile("^k[bcfhimnpPvL]*(\\s+(=\\S+\\s+)?(L?[0-9a-fA-Fx]+)?)?\\s*$"), l -> false),
    /** {@code bp}, {@code bu}, {@code bm}: a breakpoint, remembered for the stacks that follow. */
    BREAKPOINT("bp", Pattern.compile("^b[pum](\\d+)?\\s+\\S.*$"), l -> false),
    /** Anything else: listed, not read. */
    OTHER("", null, l -> false);

    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*\\*?[0-9a-fA-F`]{8,17} size:\\s*[0-9a-fA-F]+ previous size:.*");

    private final String typed;
    /** The command line typed for it (null: none of its own). */
    private final Pattern command;
    /** Whether a line of pasted output, without its prompt, tells that it is this command's. */
    private final Predicate<String> tells;

    CommandKind(String typed, Pattern command, Predicate<String> tells) {
        this.typed = typed;
        this.command = command;
        this.tells = tells;
    }

    /** A debugger command as typed: the extension commands and {@code lm} are case-insensitive. */
    private static Pattern typed(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static Predicate<String> printed(String regex, int flags) {
        return Pattern.compile(regex, flags).asMatchPredicate();
    }

    /** How the command is typed, for messages. */
    public String typed() {
        return typed;
    }

    /** The kind of a command line (what follows the prompt): the first kind, in order, whose command it is. */
    public static CommandKind ofCommand(String command) {
        String c = command.strip();
        for (CommandKind k : values()) {
            Matcher m = k.command == null ? null : k.command.matcher(c);
            if (m != null && m.matches()) {
                return k == VERIFIER && verifierFlags(m.group(2)) == 0x80 ? VERIFIER_POOL_LOG : k;
            }
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

    /**
     * The kind of output pasted without its prompt, from its first telling line; {@link #OTHER} when no line tells.
     * Block lines ({@code ADDRESS size: ... previous size: ...}) alone are read as a {@code !pool} listing.
     */
    public static CommandKind sniff(List<String> lines) {
        boolean blocks = false;
        for (String l : lines) {
            for (CommandKind k : values()) { // no line tells of two kinds, so their order does not matter
                if (k.tells.test(l)) {
                    return k;
                }
            }
            blocks |= BLOCK_LINE.matcher(l).matches();
        }
        return blocks ? POOL : OTHER;
    }
}
