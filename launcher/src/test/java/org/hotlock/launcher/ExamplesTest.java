package org.hotlock.launcher;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario under {@code examples/} as a user would ({@code hotlock run FILE}) and
 * checks the outcome each one states in its header: {@code // expect-exit: N},
 * {@code // expect-output: text} (a line of standard output; each at or after the line of the one before) and
 * {@code // expect-error: text} (text that standard error contains).
 */
class ExamplesTest {
    static final Path REPO = Path.of(System.getProperty("hotlock.repo", ".."));

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        Path examples = REPO.resolve("examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".hlk")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples under " + examples.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(REPO.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Integer exit = null;
        List<String> outputs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("// expect-exit:")) {
                exit = Integer.parseInt(l.substring("// expect-exit:".length()).strip());
            } else if (l.startsWith("// expect-output:")) {
                outputs.add(l.substring("// expect-output:".length()).strip());
            } else if (l.startsWith("// expect-error:")) {
                errors.add(l.substring("// expect-error:".length()).strip());
            }
        }
        assertTrue(exit != null, file + " does not state its expected outcome (// expect-exit: N)");
        String path = REPO.relativize(file).toString();
        Cli r = runIn(REPO, path);
        assertEquals(exit.intValue(), r.exitCode(), path + "\nstdout:\n" + r.out() + "\nstderr:\n" + r.err());
        int from = 0;
        List<String> outLines = r.out().lines().toList();
        for (String expected : outputs) {
            int found = -1;
            for (int i = from; i < outLines.size(); i++) {
                if (outLines.get(i).contains(expected)) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, path + ": expected output line containing '" + expected + "' (in order)\nstdout:\n" + r.out());
            from = found;
        }
        for (String expected : errors) {
            assertTrue(r.err().contains(expected), path + ": expected error output containing '" + expected + "'\nstderr:\n" + r.err());
        }
        LauncherTest.assertNoJavaTrace(r.err());
    }

    /**
     * Runs the example by its path relative to the working directory, as a user types it; a
     * failure's trace goes to a temporary file, not into the source tree.
     */
    private static Cli runIn(Path repo, String path) throws IOException {
        Path target = repo.toAbsolutePath().normalize().resolve(path);
        Path trace = Files.createTempFile("hotlock-example-trace", ".json");
        try {
            return Cli.run("run", "--trace", trace.toString(), Path.of("").toAbsolutePath().relativize(target).toString());
        } finally {
            Files.deleteIfExists(trace);
        }
    }
}
