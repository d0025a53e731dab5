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
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            return "is a directory; name the report's file";
        }
        Path dir = target.getParent();
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir) ? null : "cannot write in " + dir;
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

    /** Writes the report, creating its directory if {@link #problem} allowed that. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().normalize().getParent());
        AtomicFiles.write(file, text);
    }
}
