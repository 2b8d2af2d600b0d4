/**
 * The streaming replay of a trace through the pool model: {@link dev.pooltags.replay.TraceReplay} runs the events of a
 * {@link dev.pooltags.trace.TraceReader} (opened by the command, never by the replay) through
 * {@link dev.pooltags.pool.PoolModel} and keeps only what is outstanding plus fixed-size statistics, so memory follows
 * the live allocations, not the trace length; {@link dev.pooltags.replay.TraceAnalysis} is its result, with each
 * outstanding block's {@link dev.pooltags.replay.LifetimeClass} relative to the window asked for.
 */
package dev.pooltags.replay;
