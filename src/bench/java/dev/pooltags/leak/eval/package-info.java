/**
 * Measuring the leak verdicts: {@link dev.pooltags.leak.eval.EvaluationSet} generates series with known truth
 * (slow leaks under heavy noise, plateauing caches, sawtooth, steps, counter wrap, tags that appear and vanish,
 * healthy noise), {@link dev.pooltags.leak.eval.Evaluation} counts precision and recall,
 * {@link dev.pooltags.leak.eval.SyntheticRecording} builds a whole synthetic machine for the benchmark, and
 * {@link dev.pooltags.leak.eval.RealSeries} reads the real series and quoted leaks of public reports.
 */
package dev.pooltags.leak.eval;
