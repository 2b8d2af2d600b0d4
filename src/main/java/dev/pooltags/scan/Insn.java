package dev.pooltags.scan;

/**
 * One decoded instruction, as much as the region analysis needs to build blocks: where it is, how long, and
 * how control leaves it. Each instruction set extends it with the fields its semantics read.
 */
abstract class Insn {
    /** Falls through to the next instruction. */
    static final int NEXT = 0;
    /** Unconditional direct jump to {@link #target}. */
    static final int JUMP = 1;
    /** Conditional direct jump to {@link #target}, or falls through. */
    static final int BRANCH = 2;
    /** Direct call of {@link #target}; falls through. */
    static final int CALL = 3;
    /** Call through a register or memory; falls through. */
    static final int CALL_INDIRECT = 4;
    /** Jump through a register or memory (a tail call through an import slot, or a switch). */
    static final int JUMP_INDIRECT = 5;
    /** Return. */
    static final int RETURN = 6;
    /** Stops the path: a trap, an invalid encoding, bytes that are not code. */
    static final int STOP = 7;

    int rva;
    int length;
    int flow;
    int target;

    /** True when control never continues to the next instruction. */
    final boolean ends() {
        return flow == JUMP || flow == JUMP_INDIRECT || flow == RETURN || flow == STOP;
    }
}
