package dev.pooltags.trace;

import dev.pooltags.event.PoolEvent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Events from a list, for replay tests. */
final class ListReader implements TraceReader {
    private final Iterator<PoolEvent> it;
    private final boolean complete;

    ListReader(List<PoolEvent> events, boolean complete) {
        this.it = events.iterator();
        this.complete = complete;
    }

    @Override
    public PoolEvent next() {
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public String format() {
        return "list";
    }

    @Override
    public Map<String, String> info() {
        return Map.of();
    }


    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public void close() {
    }
}
