package org.hotlock.launcher;

import org.graalvm.polyglot.Engine;
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

    /** {@code --version:graalvm}: the Truffle and polyglot versions built against, and each tool the engine found. */
    static String graalvm() {
        Properties p;
        try {
            p = buildProperties();
        } catch (IOException e) {
            p = new Properties();
        }
        StringBuilder b = new StringBuilder("GraalVM Truffle and polyglot API " + p.getProperty("truffle", "unknown")
                + ", tools " + p.getProperty("tools", "unknown") + ", runtime: " + Contexts.runtimeName()
                + ", Java " + System.getProperty("java.version") + "\n");
        try (Engine probe = ToolOptions.probeEngine()) {
            probe.getInstruments().values().stream().sorted((x, y) -> x.getId().compareTo(y.getId()))
                    .forEach(tool -> b.append("  ").append(tool.getId()).append(": ").append(tool.getName()).append(" ")
                            .append(tool.getVersion()).append("\n"));
        }
        return b.toString();
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
