/**
 * Typed thresholds: each tunable number of an analysis declared once, with its name, help, unit and default
 * ({@link dev.pooltags.threshold.Threshold}). Analyses read their values through the keys; the command line makes
 * its options from the same keys. Depends on nothing else in pooltags.
 */
package dev.pooltags.threshold;
