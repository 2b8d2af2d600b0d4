package dev.pooltags.poolblock;

import java.util.Objects;

/**
 * Where a record was read from, so every number in a report can be traced back: a line of a text file (a debugger
 * log) or a byte offset in a binary file (a crash dump).
 */
public sealed interface Origin permits Origin.Line, Origin.Offset {
    /** The file as the user named it. */
    String file();

    /** {@code file:line} or {@code file@0xOFFSET}. */
    String text();

    /** A line of a text file. */
    static Origin line(String file, long line) {
        return new Line(file, line);
    }

    /** A byte offset in a binary file. */
    static Origin offset(String file, long offset) {
        return new Offset(file, offset);
    }

    /**
     * A line (1-based) of a text file.
     *
     * @param file the file as the user named it
     * @param line the line number, 1-based
     */
    record Line(String file, long line) implements Origin {
        public Line {
            Objects.requireNonNull(file);
            if (line < 1) {
                throw new IllegalArgumentException("line numbers start at 1, not " + line);
            }
        }

        @Override
        public String text() {
            return file + ":" + line;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * A byte offset (0-based) in a binary file.
     *
     * @param file   the file as the user named it
     * @param offset the offset of the first byte read, 0-based
     */
    record Offset(String file, long offset) implements Origin {
        public Offset {
            Objects.requireNonNull(file);
            if (offset < 0) {
                throw new IllegalArgumentException("a file offset is 0 or more, not " + offset);
            }
        }

        @Override
        public String text() {
            return file + "@0x" + Long.toHexString(offset).toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
