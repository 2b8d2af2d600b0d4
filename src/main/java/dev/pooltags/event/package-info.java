/**
 * The model of what happens to the kernel pool, as immutable records that trace readers produce and the pool model
 * consumes: {@link dev.pooltags.event.PoolEvent} (an allocation, a free, an unload, an access, a Driver Verifier
 * setting) and the values its fields hold: {@link dev.pooltags.event.AllocRoutine} and
 * {@link dev.pooltags.event.FreeRoutine} (the routine called), {@link dev.pooltags.event.WindowsPoolType} and
 * {@link dev.pooltags.event.PoolFlags} (what was asked for), {@link dev.pooltags.event.SpecialAlignment} and
 * {@link dev.pooltags.event.VerifierOption}. It lives apart from {@code dev.pooltags.pool} so that a reader of
 * traces depends on the records it writes, not on the analysis that replays them.
 */
package dev.pooltags.event;
