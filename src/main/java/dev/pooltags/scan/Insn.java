package dev.pooltags.scan;

/**
 * One decoded instruction, as much as the region analysis needs to build blocks: where it is, how long, and
 * how control leaves it. Each instruction set extends it with the fields its semantics read.
 */
abstract class Insn {
    int rva;
    int length;
    Flow flow = Flow.NEXT;
    int target;

    /** True when control never continues to the next instruction. */
    final boolean ends() {
        return flow.ends();
    }
}
