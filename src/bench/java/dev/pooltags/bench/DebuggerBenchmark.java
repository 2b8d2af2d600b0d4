package dev.pooltags.bench;

import dev.pooltags.debugger.DebuggerAnswer;
import dev.pooltags.debugger.DebuggerLog;
import dev.pooltags.debugger.DebuggerLogReader;
import dev.pooltags.debugger.LogAnalysis;
import dev.pooltags.tagdb.TagDatabase;
import java.util.List;
import java.util.Optional;

/**
 * Reading a whole debugger log and answering from it, against the baseline of counting its lines in the same bytes (what
 * {@code wc -l} does): the ratio says what finding the prompts, reading every known output into records and the
 * analysis cost on top of touching each byte once.
 */
public final class DebuggerBenchmark {
    private DebuggerBenchmark() {}

    /**
     * The figures.
     *
     * @param bytes      the log's size
     * @param lines      its lines
     * @param records    blocks, rows, tracked allocations and modules read
     * @param countNanos fastest round of counting the lines (baseline)
     * @param splitNanos fastest round of decoding the bytes and cutting them into line strings (second baseline)
     * @param readNanos  fastest round of reading the log
     * @param answerNanos fastest round of reading and answering
     */
    public record Result(long bytes, int lines, long records, long countNanos, long splitNanos, long readNanos, long answerNanos) {
        public double ratio() {
            return (double) answerNanos / countNanos;
        }

        public double ratioToSplit() {
            return (double) answerNanos / splitNanos;
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / (answerNanos / 1e9);
        }
    }

    public static Result run(String name, byte[] bytes, int rounds) {
        long count = Stopwatch.bestNanos(Math.max(20, rounds), rounds, () -> {
            int n = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    n++;
                }
            }
            return n;
        });
        long split = Stopwatch.bestNanos(Math.max(3, rounds / 2), rounds, () -> DebuggerLogReader.lines(bytes).size());
        DebuggerLog once = DebuggerLogReader.read(name, bytes);
        long records = once.poolUsed().stream().mapToLong(t -> t.rows().size()).sum()
                + once.finds().stream().mapToLong(f -> f.hits().size()).sum()
                + once.pages().stream().mapToLong(p -> p.blocks().size()).sum()
                + once.verifier().stream().mapToLong(v -> v.allocations().size()).sum() + once.modules().size() + once.poolLog().size();
        long read = Stopwatch.bestNanos(Math.max(3, rounds / 2), rounds, () -> DebuggerLogReader.read(name, bytes).commands().size());
        long answer = Stopwatch.bestNanos(Math.max(3, rounds / 2), rounds, () -> {
            DebuggerAnswer a = LogAnalysis.analyze(List.of(DebuggerLogReader.read(name, bytes)), TagDatabase.empty(), Optional.empty(), 10);
            return a.blocks().size();
        });
        return new Result(bytes.length, once.lines(), records, count, split, read, answer);
    }
}
