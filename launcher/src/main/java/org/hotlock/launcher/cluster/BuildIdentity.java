package org.hotlock.launcher.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which HotLock a member runs: its version and a hash of the language's build (its classes and
 * the kernel models it ships), so that only members that would explore alike take part.
 */
public record BuildIdentity(String version, String build) {
    /** This process's: the version given, and the hash of the language jar (or class directory) in use. */
    public static BuildIdentity of(String version) {
        return new BuildIdentity(version, languageHash());
    }

    @Override
    public String toString() {
        return "HotLock " + version + " (build " + build + ")";
    }

    private static String languageHash() {
        try {
            Path code = Path.of(org.hotlock.sched.TraceFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(code)) {
                try (Stream<Path> walk = Files.walk(code)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(code);
            }
            for (Path f : files) {
                sha.update(code.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown";
        }
    }
}
