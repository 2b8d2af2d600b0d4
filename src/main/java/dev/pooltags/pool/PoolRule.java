package dev.pooltags.pool;

import dev.pooltags.core.DescribedRule;

/**
 * One documented rule of the pool. Each rule is a small class with an id, a severity, a one-line title, help text
 * that says what to do, and the Microsoft document it comes from, all read from its {@link #description()}.
 */
public interface PoolRule extends DescribedRule {}
