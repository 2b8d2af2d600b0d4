/**
 * The ground floor's shared vocabulary, imported by every layer above and importing nothing of pooltags:
 * {@link dev.pooltags.core.PoolRoutine} (the one catalogue of pool routines: modules, argument positions, x86 stack
 * slots of compiled calls, what the pool model does with them, their Microsoft pages; lint, scan and the event model
 * each read the part they need), {@link dev.pooltags.core.Severity} (one scale for lint findings, pool-model violations
 * and leak verdicts), {@link dev.pooltags.core.RuleDescription} and {@link dev.pooltags.core.DescribedRule} (what every
 * rule says of itself, and how a lint rule or a pool rule is asked it), {@link dev.pooltags.core.Durations} (the one grammar of every duration argument) and
 * {@link dev.pooltags.core.HelpText} (rules' long help, kept as text resources beside them).
 */
package dev.pooltags.core;
