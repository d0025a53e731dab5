package org.hotlock.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code check} may write a report: into an existing directory, or into one it creates
 * for it inside the working directory ({@code --junit build/reports/junit.xml}); never a
 * directory tree up from somewhere else, which a mistyped path would otherwise create.
 */
final class ReportPaths {
    private ReportPaths() {
    }

    /** Why the report cannot be written there; null when it can. */
    static String problem(Path file) {
        if (file.toString().isEmpty()) {
            return "an empty path (an unset variable?); name the report's file";
        }
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            return "is a directory; name the report's file";
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a device or a FIFO: written into, not replaced
            return Files.isWritable(target) ? null : "cannot write to " + target;
        }
        Path dir = target.getParent();
        if (Files.isDirectory(dir)) {
            return canCreateIn(Files.exists(target) ? realParent(target, dir) : dir);
        }
        Path here = Path.of("").toAbsolutePath().normalize();
        if (!dir.startsWith(here)) {
            return "no directory " + dir + " (check creates a report's missing directory only inside the working directory, " + here + ")";
        }
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            return "cannot create the directory " + dir + ": " + existing + " is a file";
        }
        return Files.isWritable(existing) ? null : "cannot create the directory " + dir + ": " + existing + " is not writable";
    }

    /**
     * Null when a file can be made in the directory: tried, as the report will be (a temporary
     * file renamed), since permissions do not tell (root in a read-only directory, /proc).
     */
    private static String canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".hotlock-report", ".tmp"));
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write in " + dir + (e instanceof IOException io ? ": " + AtomicFiles.reason(io) : "");
        }
    }

    /** The directory the file a symbolic link names is in: the report replaces that file. */
    private static Path realParent(Path target, Path fallback) {
        try {
            return target.toRealPath().getParent();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** Writes the report, creating its directory if {@link #problem} allowed that. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().normalize().getParent());
        AtomicFiles.write(file, text);
    }
}
