package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every {@code .hlk} program under {@code src/test/resources/programs} and compares what it
 * prints (and the error it ends with, if any) with the {@code .out} file beside it. Adding a
 * case means adding the two files.
 */
class ProgramFilesTest {
    static final Path ROOT = Path.of("src/test/resources/programs");

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".hlk")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no test programs found under " + ROOT.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        Path expectedFile = Path.of(file.toString().replaceFirst("\\.hlk$", ".out"));
        if (Boolean.getBoolean("hotlock.regenerate") && !Files.exists(expectedFile)) {
            // Writes the expected output of a new case, to be read and checked by a person.
            Files.writeString(expectedFile, run(file), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), "missing expected output " + expectedFile);
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertEquals(expected.strip(), run(file).strip(), "output of " + file);
    }

    /** What the program prints, then "error: ..." lines for the error it ends with. */
    static String run(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = ROOT.relativize(file).toString();
        Source source = Source.newBuilder("hotlock", Files.readString(file), name).build();
        try (Context context = Context.newBuilder("hotlock").out(out).err(out)
                .option("engine.WarnInterpreterOnly", "false").build()) {
            try {
                context.eval(source);
            } catch (PolyglotException e) {
                out.write(describe(e).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String describe(PolyglotException e) {
        if (e.isInternalError()) {
            throw new AssertionError("internal error instead of a guest error", e);
        }
        StringBuilder sb = new StringBuilder(e.isSyntaxError() ? "[syntax] " : "[runtime] ").append(e.getMessage()).append('\n');
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                sb.append("  at ").append(frame.getRootName()).append(" (").append(frame.getSourceLocation().getSource().getName())
                        .append(':').append(frame.getSourceLocation().getStartLine()).append(")\n");
            }
        }
        return sb.toString();
    }
}
