package dev.pooltags.debugger;

import dev.pooltags.poolblock.BlockSummary;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.tag.PoolTag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one answer {@link LogAnalysis} gives from all logs of a case: the top tags, the tag followed and why, its blocks,
 * the block under inspection, what Driver Verifier still tracks for it, who owns it (with the evidence), and the next
 * command to run. Every number carries the line it came from.
 *
 * @param logs        what was read from each log
 * @param topTags     the tags using the most bytes in the last {@code !poolused} table, most first
 * @param topFrom     the line of that table's header, when there is one
 * @param tag         the tag followed
 * @param why         why that tag ({@code asked with --tag}, {@code searched with !poolfind}, {@code most bytes in !poolused})
 * @param usage       the tag's row in every {@code !poolused} table, in log order
 * @param finds       the {@code !poolfind} searches for the tag
 * @param blocks      the blocks those searches found, each address once
 * @param summary     their counts, sizes and pages
 * @param pages       the {@code !pool} listings, the ones whose marked block carries the tag first
 * @param outstanding the allocations {@code !verifier 3} still tracks for the tag, grouped by caller
 * @param otherTracked allocations tracked for other tags
 * @param history     entries of {@code !verifier 0x80} for the tag's blocks
 * @param owners      the evidence about the owner, strongest first
 * @param next        what to run next
 */
public record DebuggerAnswer(List<DebuggerLog> logs, List<TopTag> topTags, Optional<Origin> topFrom, Optional<PoolTag> tag, String why,
        List<Usage> usage, List<PoolFindResult> finds, List<PoolBlock> blocks, BlockSummary summary, List<PageView> pages,
        List<CallerGroup> outstanding, int otherTracked, List<PoolLogEntry> history, List<OwnerClue> owners, List<NextStep> next) {
    public DebuggerAnswer {
        logs = List.copyOf(logs);
        topTags = List.copyOf(topTags);
        Objects.requireNonNull(topFrom);
        Objects.requireNonNull(tag);
        Objects.requireNonNull(why);
        usage = List.copyOf(usage);
        finds = List.copyOf(finds);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(summary);
        pages = List.copyOf(pages);
        outstanding = List.copyOf(outstanding);
        history = List.copyOf(history);
        owners = List.copyOf(owners);
        next = List.copyOf(next);
    }

    /** The owner: the first piece of evidence that names a binary, when there is one. */
    public Optional<OwnerClue> owner() {
        return owners.stream().filter(c -> !c.binary().isEmpty() && !c.binary().startsWith("<")).findFirst();
    }

    /**
     * A row of the top-tags table: the {@code !poolused} row as read, with the log it was read from.
     *
     * @param poolused the row (its tag, its nonpaged and paged allocations and bytes, the debugger's description)
     * @param origin   the row's line
     */
    public record TopTag(PoolUsedText.Row poolused, Origin origin) {
        /** The debugger's description of the tag, empty when it had none ({@code UNKNOWN pooltag '...'} says none). */
        public String description() {
            return poolused.unknownToDebugger() ? "" : poolused.description();
        }
    }

    /**
     * The followed tag's row in one {@code !poolused} table.
     *
     * @param time   the {@code Debug session time:} before it, when the log has one
     * @param row    the row (its numbers and description) and its line
     */
    public record Usage(Optional<Instant> time, TopTag row) {
        /** The row's line. */
        public Origin origin() {
            return row.origin();
        }
    }

    /**
     * A {@code !pool} listing and whether its marked block carries the followed tag.
     *
     * @param page  the listing
     * @param ofTag true when the marked block carries the followed tag
     */
    public record PageView(PoolPage page, boolean ofTag) {}

    /**
     * Tracked allocations of one caller.
     *
     * @param driver   the verified driver they are charged to
     * @param caller   the caller as listed
     * @param count    how many
     * @param bytes    their bytes
     * @param examples the first few, with their lines
     */
    public record CallerGroup(String driver, String caller, int count, long bytes, List<TrackedAllocation> examples) {
        public CallerGroup {
            examples = List.copyOf(examples);
        }
    }

    /** Where a piece of owner evidence comes from. */
    public enum ClueKind {
        /** An entry of a tag file (Pooltag.txt, localtag.txt). */
        TAG_FILE("tag file"),
        /** The description {@code !poolused} printed (the debugger's own pooltag.txt). */
        POOLUSED("!poolused"),
        /** The owner line {@code !pool} printed under the marked block. */
        POOL("!pool"),
        /** The caller on a stack shown at a breakpoint on a pool allocation routine for this tag. */
        ALLOCATION_STACK("allocation stack (bp, k)"),
        /** The caller of an allocation {@code !verifier 3} tracks. */
        TRACKED_CALLER("!verifier 3 caller"),
        /** The driver an allocation {@code !verifier 3} tracks is charged to. */
        VERIFIED_DRIVER("!verifier 3 driver"),
        /** The caller on the stack {@code !verifier 0x80} logged. */
        LOG_CALLER("!verifier 0x80 stack");

        private final String label;

        ClueKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One piece of evidence about the owner.
     *
     * @param kind        where it comes from
     * @param binary      the binary or module it names (empty when it names none)
     * @param description what it says
     * @param origin      the line it was read from (a tag file's line or a log's line)
     * @param module      the module of that name in the logs' {@code lm} output, when listed
     */
    public record OwnerClue(ClueKind kind, String binary, String description, Origin origin, Optional<LoadedModule> module) {}

    /**
     * A command to run next.
     *
     * @param where   {@code debugger}, {@code target} (a command prompt on the machine) or {@code pooltags}
     * @param command the command
     * @param why     what it will show
     */
    public record NextStep(String where, String command, String why) {}
}
