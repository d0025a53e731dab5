package org.hotlock.launcher;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code hotlock --version}: the versions recorded at build time, and the runtime in use. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = buildProperties();
        return new String[]{
                "hotlock " + p.getProperty("version", "unknown"),
                "Truffle " + p.getProperty("truffle", "unknown") + ", runtime: " + Contexts.runtimeName()
                        + ", Java " + System.getProperty("java.version")};
    }

    /** HotLock's own version, as SARIF reports name the tool. */
    static String hotlockVersion() throws IOException {
        return buildProperties().getProperty("version", "unknown");
    }

    private static Properties buildProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream s = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (s != null) {
                p.load(s);
            }
        }
        return p;
    }
}
