package dev.pooltags.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = PooltagsCommand.class.getPackage().getImplementationVersion();
        return new String[] {"pooltags " + (v == null ? "development" : v), "Java " + System.getProperty("java.version")};
    }
}
