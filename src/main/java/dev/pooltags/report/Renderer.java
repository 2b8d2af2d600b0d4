package dev.pooltags.report;

import java.io.PrintWriter;

/** Writes one result of type {@code R} in one format. */
@FunctionalInterface
public interface Renderer<R> {
    void render(PrintWriter out, R result);
}
