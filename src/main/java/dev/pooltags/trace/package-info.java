/**
 * Allocation events from real sources: the CSV that {@code xperf -a dumper} writes for the kernel's PoolAlloc/PoolFree
 * events ({@link dev.pooltags.trace.XperfDumperReader}, columns read from the file's own header), WinDbg's
 * {@code !verifier 3} listings in their Windows 7, 8.1 and 10 layouts ({@link dev.pooltags.trace.VerifierOutputReader})
 * and pooltags' own JSON lines ({@link dev.pooltags.trace.TraceJsonLines}), each a streaming
 * {@link dev.pooltags.trace.TraceReader} of the event model's records; {@link dev.pooltags.trace.TraceFiles} opens a
 * file in whichever format its content is. The three readers share {@code FileTraceReader} (format
 * name, the file's information, the problem sink, closing) and the two text ones read lines through
 * {@code LineTraceReader}. {@link dev.pooltags.trace.TraceTime} reads and writes times on a
 * trace's clock, with units read by {@code dev.pooltags.core.Durations}. Readers never print: bad lines become
 * {@link dev.pooltags.trace.TraceProblem}s with their line numbers and reading goes on. The replay through the pool
 * model is {@code dev.pooltags.replay}'s.
 */
package dev.pooltags.trace;
