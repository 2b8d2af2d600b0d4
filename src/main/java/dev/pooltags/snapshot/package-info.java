/**
 * Per-tag pool statistics: the {@link dev.pooltags.snapshot.Snapshot} model and its rows
 * ({@link dev.pooltags.snapshot.TagCounters}), wrap-aware differences ({@link dev.pooltags.snapshot.SnapshotDelta});
 * the live sources ({@link dev.pooltags.snapshot.WindowsPoolSource} over
 * {@link dev.pooltags.snapshot.WindowsPoolBuffers}, {@link dev.pooltags.snapshot.LinuxSlabSource} over
 * {@link dev.pooltags.snapshot.SlabInfo}) opened by {@link dev.pooltags.snapshot.SnapshotSources}; the readers and
 * writers of every snapshot file format ({@link dev.pooltags.snapshot.SnapshotFormat}); the recording
 * ({@link dev.pooltags.snapshot.RecordingWriter}, {@link dev.pooltags.snapshot.RecordingReader}); and the pure
 * selections a table needs ({@link dev.pooltags.snapshot.RowFilter}, {@link dev.pooltags.snapshot.RowOrder}).
 * Parsers never print: warnings (a torn recording tail) are handed to the caller.
 */
package dev.pooltags.snapshot;
