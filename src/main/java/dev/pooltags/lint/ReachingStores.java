package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stores into one place reach each free of it inside one function: reaching definitions over the function's
 * block structure, from tokens alone. A store (an allocation or any other value put there) replaces what reached
 * the blocks it encloses; leaving a block joins what reached its end with what reached its start, since the block
 * may not have run (an {@code if} without {@code else}, a loop that runs zero times). The function's entry counts
 * as one more store: the value the place held before the function (for a local, nothing). Stores after the free in
 * token order are not considered (a loop's next iteration), and sibling branches are joined in order, so the answer
 * may name a store too many, never one too few along straight-line and structured code.
 *
 * <p>Linear in the number of events: each block is entered and left at most once, and a free is reached by at most
 * {@link #MAX} stores (beyond that it is marked overflowing and not judged).
 */
final class ReachingStores {
    /** Stands for the value the place held when the function was entered. */
    static final int ENTRY = -1;
    /** Stores followed per free; a free reached by more is not judged. */
    static final int MAX = 16;

    /** The stores (indices into the event list, or {@link #ENTRY}) that reach a free. */
    record Reach(int[] stores, boolean overflow) {
        boolean entryReaches() {
            for (int s : stores) {
                if (s == ENTRY) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Frame {
        final int block;
        int[] set;
        int size;
        boolean overflow;

        Frame(int block, Frame from) {
            this.block = block;
            if (from == null) {
                set = new int[] {ENTRY, 0, 0, 0};
                size = 1;
            } else {
                set = Arrays.copyOf(from.set, Math.max(4, from.size));
                size = from.size;
                overflow = from.overflow;
            }
        }

        void only(int store) {
            size = 1;
            set[0] = store;
            overflow = false;
        }

        void join(Frame child) {
            overflow |= child.overflow;
            outer:
            for (int k = 0; k < child.size; k++) {
                int s = child.set[k];
                for (int m = 0; m < size; m++) {
                    if (set[m] == s) {
                        continue outer;
                    }
                }
                if (size == MAX) {
                    overflow = true;
                    return;
                }
                if (size == set.length) {
                    set = Arrays.copyOf(set, Math.min(MAX, set.length * 2));
                }
                set[size++] = s;
            }
        }
    }

    private ReachingStores() {}

    /**
     * For the events of one place in one function, in token order: what reaches each free, by the free's index in
     * {@code events}.
     */
    static Map<Integer, Reach> of(List<PointerEvent> events, IntList blockParents) {
        Map<Integer, Reach> out = new HashMap<>();
        List<Frame> stack = new ArrayList<>();
        Map<Integer, Integer> onStack = new HashMap<>();
        stack.add(new Frame(-1, null));
        List<Integer> path = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PointerEvent e = events.get(i);
            int b = e.block();
            path.clear();
            int x = b;
            while (x >= 0 && !onStack.containsKey(x)) {
                path.add(x);
                x = x < blockParents.size() ? blockParents.get(x) : -1;
            }
            // leave the blocks that do not hold this event, joining what they end with into their parents
            while (stack.get(stack.size() - 1).block != x) {
                Frame child = stack.remove(stack.size() - 1);
                onStack.remove(child.block);
                stack.get(stack.size() - 1).join(child);
            }
            for (int p = path.size() - 1; p >= 0; p--) {
                Frame f = new Frame(path.get(p), stack.get(stack.size() - 1));
                stack.add(f);
                onStack.put(f.block, stack.size() - 1);
            }
            Frame top = stack.get(stack.size() - 1);
            if (e.type() == PointerEvent.Type.FREE) {
                out.put(i, new Reach(Arrays.copyOf(top.set, top.size), top.overflow));
            } else {
                top.only(i);
            }
        }
        return out;
    }
}
