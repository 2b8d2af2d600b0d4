/**
 * The workload simulator: scenarios written as small declarative JSON descriptions ({@link dev.pooltags.sim.Scenario},
 * shipped ones in {@link dev.pooltags.sim.Scenarios}) run through the pool model by a seeded discrete-event
 * {@link dev.pooltags.sim.Simulation}, producing an allocation-event trace and per-tag snapshots over simulated time.
 * {@link dev.pooltags.sim.ScenarioSource} is the {@link dev.pooltags.snapshot.SnapshotSource} other commands attach
 * as {@code --source demo:SCENARIO}; {@link dev.pooltags.sim.DemoRecorder} writes a run to files.
 */
package dev.pooltags.sim;
