package org.hotlock.launcher.repl;

import org.hotlock.launcher.AtomicFiles;
import org.jline.reader.History;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The input history of one project: kept under the home directory, one file per project
 * directory (the nearest directory above the working one with a {@code .git}, else the working
 * directory), so two projects, or two users of one account in different trees, do not mix.
 * Saved whole after every line, to a temporary file renamed over the old one: a crash or a
 * Ctrl-C mid-save leaves the previous history.
 */
final class HistoryFile {
    private static final int SIZE = 1000;
    private final Path file;

    HistoryFile(Path file) {
        this.file = file;
    }

    /** {@code ~/.hotlock/history/NAME-HASH}: NAME the project directory's, HASH of its absolute path. */
    static Path forProject(Path home, Path workingDirectory) {
        Path project = workingDirectory.toAbsolutePath().normalize();
        for (Path p = project; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                project = p;
                break;
            }
        }
        String name = project.getFileName() == null ? "root" : project.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        String hash = HexFormat.of().toHexDigits(project.toString().hashCode());
        return home.resolve(".hotlock").resolve("history").resolve(name + "-" + hash);
    }

    Path path() {
        return file;
    }

    /** Lines as saved (a multi-line entry is one line, see {@link #encode}); errors are returned, not thrown. */
    String load(History history) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    history.add(decode(line));
                }
            }
            return null;
        } catch (IOException e) {
            return "could not read the history " + file + ": " + AtomicFiles.reason(e);
        }
    }

    /**
     * An entry as one line of the file: a backslash, newline and carriage return (a line
     * separator to the reader too) as {@code \\}, {@code \n}, {@code \r}, so a typed
     * {@code "a\nb"} comes back as typed.
     */
    private static String encode(String entry) {
        return entry.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The inverse of {@link #encode}, in one pass: an escaped backslash before an n stays a backslash. */
    private static String decode(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The last entries of the history, written atomically; an error is returned as text. */
    String save(History history) {
        if (file == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (var entry : history) {
            lines.add(encode(entry.line()));
        }
        if (lines.size() > SIZE) {
            lines = lines.subList(lines.size() - SIZE, lines.size());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            return null;
        } catch (IOException e) {
            return "could not save the history: " + AtomicFiles.reason(e);
        }
    }
}
