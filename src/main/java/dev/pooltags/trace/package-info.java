/**
 * Allocation events from real sources and their streaming replay through the pool model: the CSV that
 * {@code xperf -a dumper} writes for the kernel's PoolAlloc/PoolFree events ({@link dev.pooltags.trace.XperfDumperReader},
 * columns read from the file's own header), WinDbg's {@code !verifier 3} listings in their Windows 7, 8.1 and 10
 * layouts ({@link dev.pooltags.trace.VerifierOutputReader}) and pooltags' own JSON lines
 * ({@link dev.pooltags.trace.TraceJsonLines}). {@link dev.pooltags.trace.TraceReplay} runs a reader through
 * {@link dev.pooltags.pool.PoolModel} and keeps only what is outstanding plus fixed-size statistics, so memory follows
 * the live allocations, not the trace length. Readers never print: bad lines become
 * {@link dev.pooltags.trace.TraceProblem}s with their line numbers and reading goes on.
 */
package dev.pooltags.trace;
