package dev.pooltags.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code pooltags --version}: the release (the project's version) and the commit it was built from, with its date and
 * whether sources differed from it, as the build recorded them in {@code dev/pooltags/build.properties}; then the Java
 * runtime.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/pooltags/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource: reported as unknown below
        }
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "unknown");
        String modified = "true".equals(p.getProperty("modified")) ? ", with changes not committed" : "";
        return new String[] {"pooltags " + version + " (commit " + commit + modified + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")"};
    }
}
