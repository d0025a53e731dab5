package org.hotlock.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Reports, the REPL history and /save are written to a temporary file and renamed: an
 * interrupted write leaves the old file whole. Only a regular file is replaced so: a
 * symbolic link is followed (the file it names is replaced, the link stays), and a device,
 * a FIFO or {@code /dev/stdout} is written to as it is, never replaced by a regular file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        Path file = target;
        for (int hops = 0; Files.isSymbolicLink(file); hops++) {
            // the link's file is what the user named; a dangling link's target is made
            if (hops == 40) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            file = file.toAbsolutePath().resolveSibling(Files.readSymbolicLink(file)).normalize();
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            if (Files.isDirectory(file)) {
                throw new IOException(target + " is a directory");
            }
            // a device or a pipe: write into it, as a shell's > would
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // a directory tree is the caller's to decide on (ReportPaths), never made here
            throw new NoSuchFileException(dir.toString(), null, "no such directory");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".hotlock-report", ".tmp");
        } catch (IOException e) {
            // the temporary file's name would only puzzle: say where nothing can be created
            throw new FileSystemException(dir.toString(), null, "cannot create a file in this directory (" + reason(e) + ")");
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            readableByAll(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A report is for everyone to read, as a plainly written file would be. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults stand
        }
    }

    /** Why a file operation failed, in words: "permission denied", "read-only file system". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null && !fs.getReason().isEmpty()) {
            String why = fs.getReason().substring(0, 1).toLowerCase(Locale.ROOT) + fs.getReason().substring(1);
            return fs.getFile() == null ? why : fs.getFile() + ": " + why;
        }
        if (e instanceof FileSystemException fs) {
            return fs.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
