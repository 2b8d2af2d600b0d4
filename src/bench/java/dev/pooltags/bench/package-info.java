/**
 * Benchmarks behind {@code pooltags bench}: each measures one capability and a baseline over the same bytes in
 * the same run, and reports the ratio. Timing lives here and never in unit tests.
 */
package dev.pooltags.bench;
