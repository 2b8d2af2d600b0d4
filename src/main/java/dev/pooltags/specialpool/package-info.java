/**
 * Setting up special pool for one pool tag, exactly as Microsoft documents it: {@link dev.pooltags.specialpool.SpecialPoolPlan}
 * (pure) turns a tag, an allocation size or a driver into the commands to run on the target (GFlags' {@code +spp} at run
 * time or in the registry, the registry values it writes, Driver Verifier's flags), for Windows Vista and later and for
 * older systems, with the restart and the way back; every step names the documentation page it follows
 * ({@link dev.pooltags.specialpool.DocPage}). {@link dev.pooltags.specialpool.RegistryWriter} applies the registry values
 * on Windows ({@code reg add}, from an elevated prompt). Renderers are in {@code dev.pooltags.report.SpecialPoolReport}.
 */
package dev.pooltags.specialpool;
