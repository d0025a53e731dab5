package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report written over something that is not a regular file leaves that thing what it was. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), Path.of("real.json"));
        AtomicFiles.write(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced by a file");
        assertEquals("new", Files.readString(real));
        // a dangling link makes the file it names
        Path dangling = Files.createSymbolicLink(dir.resolve("later.json"), Path.of("made.json"));
        AtomicFiles.write(dangling, "made");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made", Files.readString(dir.resolve("made.json")));
    }

    /** /proc takes no new files: the reason names the directory, never the temporary file tried there. */
    @Test
    void aDirectoryThatTakesNoFilesIsNamedNotTheTemporaryFile() {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/proc/hotlock-report.json"), "x"));
        String why = AtomicFiles.reason(e);
        assertTrue(why.startsWith("/proc: cannot create a file in this directory ("), why);
        assertTrue(!why.contains(".hotlock-report"), why);
    }

    @Test
    void aFifoIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        AtomicFiles.write(fifo, "through the pipe");
        assertEquals("through the pipe", reader.get(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir, "x"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aReasonInWordsWhateverTheExceptionSays() {
        assertEquals("permission denied", AtomicFiles.reason(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("/x: read-only file system", AtomicFiles.reason(new java.nio.file.FileSystemException("/x", null, "Read-only file system")));
        // an empty reason is no reason: the exception's kind says it
        assertEquals("file system", AtomicFiles.reason(new java.nio.file.FileSystemException("/x", null, "")));
        assertEquals("no such file", AtomicFiles.reason(new java.nio.file.NoSuchFileException("/x")));
    }
}
