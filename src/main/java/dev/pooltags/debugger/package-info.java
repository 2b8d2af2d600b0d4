/**
 * A whole WinDbg/KD session log read at once: {@link dev.pooltags.debugger.DebuggerLogReader} cuts a log (or pasted
 * output) into commands at their prompts and reads each command it knows into the shared model records:
 * {@code !poolused} tables (through {@link dev.pooltags.snapshot.PoolUsedText}, the reader the snapshot formats use),
 * {@code !poolfind} hits and {@code !pool} pages ({@link dev.pooltags.poolblock}), {@code !verifier 3} listings (through
 * {@link dev.pooltags.trace.VerifierOutputReader}, the reader {@code pooltags trace} uses) and {@code verifier /query},
 * {@code !verifier 0x80} pool log entries, {@code lm} modules, and call stacks shown at a breakpoint on a pool routine
 * for one tag. Lines a reader cannot read become {@link dev.pooltags.debugger.LogProblem}s with their line numbers;
 * unknown commands are listed. {@link dev.pooltags.debugger.LogAnalysis} (pure) turns the logs of a case into one
 * {@link dev.pooltags.debugger.DebuggerAnswer}: top tags, the tag followed, its blocks, the owner with its evidence, and
 * the next command. Readers never print.
 */
package dev.pooltags.debugger;
