/**
 * Renderers that turn analysis results into what people and tools read: text tables, JSON, CSV,
 * HTML with inline SVG charts, SARIF, JUnit XML. Pool blocks
 * ({@link dev.pooltags.report.PoolBlockText}, {@link dev.pooltags.report.PoolBlockJson}) have one rendering every report shares. Chosen by {@code --format}; they never compute, only render. The per-tag table's
 * columns are {@link dev.pooltags.report.SnapshotColumn}s; the full-screen {@code top} is a terminal-free view
 * ({@link dev.pooltags.report.TopView}) driven on a JLine terminal by {@link dev.pooltags.report.TopScreen}.
 */
package dev.pooltags.report;
