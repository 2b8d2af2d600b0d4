/**
 * Leak detection: pure functions from a series of snapshots to a verdict per tag and pool type.
 *
 * <p>{@link dev.pooltags.leak.SeriesTable} turns snapshots into columns (outstanding allocations, wrap-aware, and
 * bytes). {@link dev.pooltags.leak.TrendAnalysis} measures each column: {@link dev.pooltags.leak.MannKendall} (trend
 * test, ties and serial correlation handled), {@link dev.pooltags.leak.TheilSen} (slope with Sen's interval), the
 * monotone share, levels, releases (sawtooth) and the step/plateau detector {@link dev.pooltags.leak.ShapeFit}, and
 * judges it against {@link dev.pooltags.leak.LeakOptions}: it builds a {@code TrendWindow} (the samples and their block
 * medians) and hands it to one class per pattern (sawtooth releases, rising floor, growth paused, bend, growth after a
 * level, steady growth, warm-up, step, no growth), each declaring the thresholds it uses as
 * {@link dev.pooltags.threshold.Threshold}s. Each shape a series can get is a {@link dev.pooltags.leak.Pattern}, which
 * describes itself with the {@link dev.pooltags.core.RuleDescription} lint and pool rules carry (its long help is
 * {@code help/<id>.txt} beside it). {@link dev.pooltags.leak.LeakAnalysis} combines both
 * metrics into a {@link dev.pooltags.leak.TagVerdict} with an explanation in words; {@code verdicts} is the entry
 * point for a live view. {@link dev.pooltags.leak.PhaseComparison} answers "what did this test leave behind?" from
 * baseline and after samples. {@link dev.pooltags.leak.SeriesCheck} says when a series cannot be judged.
 */
package dev.pooltags.leak;
