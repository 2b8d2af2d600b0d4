/**
 * The ground floor's shared vocabulary, imported by every layer above and importing nothing of pooltags:
 * {@link dev.pooltags.core.Severity} (one scale for lint findings, pool-model violations and leak verdicts) and
 * {@link dev.pooltags.core.Durations} (the one grammar of every duration argument).
 */
package dev.pooltags.core;
