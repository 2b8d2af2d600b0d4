/**
 * Per-tag pool statistics: the {@link dev.pooltags.snapshot.Snapshot} model and its rows
 * ({@link dev.pooltags.snapshot.TagCounters}), wrap-aware differences ({@link dev.pooltags.snapshot.SnapshotDelta}),
 * and (as they are added) the live sources (Windows, Linux slab, simulator), the readers and writers of every
 * snapshot file format, and the recording format.
 */
package dev.pooltags.snapshot;
