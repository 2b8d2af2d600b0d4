/**
 * Renderers that turn analysis results into what people and tools read: text tables, JSON, CSV (and later
 * HTML with inline SVG charts, SARIF, JUnit XML). Chosen by {@code --format}; they never compute, only render.
 */
package dev.pooltags.report;
