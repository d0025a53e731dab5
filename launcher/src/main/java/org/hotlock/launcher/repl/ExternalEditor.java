package org.hotlock.launcher.repl;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * /edit: the snippets go to a temporary file, the editor (/set editor, else $VISUAL, else
 * $EDITOR) gets the terminal, and every time the file is saved its text is handed on (the
 * REPL evaluates the snippets that changed), as JShell does; the last save when the editor exits.
 */
final class ExternalEditor {
    private List<String> command;

    /** The editor /set editor chose, else the environment's; null when there is none. */
    List<String> command() {
        if (command != null) {
            return command;
        }
        for (String variable : List.of("VISUAL", "EDITOR")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return List.of(value.strip().split("\\s+"));
            }
        }
        return null;
    }

    void set(String commandLine) {
        command = commandLine.isBlank() ? null : List.of(commandLine.strip().split("\\s+"));
    }

    /** Edits the text; {@code saved} gets each saved version that differs from the last one evaluated. */
    void edit(Terminal terminal, String text, Consumer<String> saved) throws IOException, InterruptedException {
        Path file = Files.createTempFile("hotlock-edit", ".hlk");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(command());
            argv.add(file.toString());
            String last = text;
            FileTime seen = Files.getLastModifiedTime(file);
            terminal.pause(true);
            try {
                Process p = new ProcessBuilder(argv).inheritIO().start();
                while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                    FileTime now = Files.getLastModifiedTime(file);
                    if (!now.equals(seen)) {
                        seen = now;
                        last = evaluateIfChanged(file, last, saved);
                    }
                }
            } finally {
                terminal.resume();
            }
            evaluateIfChanged(file, last, saved);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String evaluateIfChanged(Path file, String last, Consumer<String> saved) throws IOException {
        String now = Files.readString(file, StandardCharsets.UTF_8);
        if (!now.strip().equals(last.strip())) {
            saved.accept(now);
        }
        return now;
    }
}
