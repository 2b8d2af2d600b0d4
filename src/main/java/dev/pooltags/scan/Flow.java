package dev.pooltags.scan;

/** How control leaves a decoded instruction ({@link Insn#flow}). */
enum Flow {
    /** Falls through to the next instruction. */
    NEXT,
    /** Unconditional direct jump to {@link Insn#target}. */
    JUMP,
    /** Conditional direct jump to {@link Insn#target}, or falls through. */
    BRANCH,
    /** Direct call of {@link Insn#target}; falls through. */
    CALL,
    /** Call through a register or memory; falls through. */
    CALL_INDIRECT,
    /** Jump through a register or memory (a tail call through an import slot, or a switch). */
    JUMP_INDIRECT,
    /** Return. */
    RETURN,
    /** Stops the path: a trap, an invalid encoding, bytes that are not code. */
    STOP;

    /** True when control never continues to the next instruction. */
    boolean ends() {
        return this == JUMP || this == JUMP_INDIRECT || this == RETURN || this == STOP;
    }
}
