package dev.pooltags.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** A reader of a text trace read line by line, counting lines so that events and problems can name theirs. */
abstract class LineTraceReader extends FileTraceReader {
    private final BufferedReader in;
    /** The number of the line read last, from 1; 0 before the first. */
    long lineNo;

    LineTraceReader(String format, BufferedReader in, Consumer<TraceProblem> problems) {
        super(format, in, problems);
        this.in = in;
    }

    /** The next line, counted, or null at the end of the file. */
    final String nextLine() {
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line != null) {
            lineNo++;
        }
        return line;
    }
}
