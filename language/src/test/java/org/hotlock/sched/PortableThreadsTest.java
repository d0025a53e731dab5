package org.hotlock.sched;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest threads on a JVM that does not export jdk.internal.vm: they run as Truffle threads
 * with a baton, and every schedule is the same as with continuations. The tests run in-process
 * (continuations, as surefire exports the package) and in a child JVM without the export.
 */
class PortableThreadsTest {
    private static final Path SEED = Path.of("..", "examples", "seed");

    /** The child JVM's entry: evaluates each file, prints its output or its error. */
    public static void main(String[] args) throws IOException {
        boolean threads = Boolean.parseBoolean(args[0]);
        for (int i = 1; i < args.length; i++) {
            System.out.print(evaluate(Path.of(args[i]), threads));
        }
    }

    static String evaluate(Path file, boolean allowThreads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("hotlock").out(out).err(out).allowCreateThread(allowThreads)
                .option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval(Source.newBuilder("hotlock", file.toFile()).build());
        } catch (PolyglotException e) {
            out.writeBytes(("error: " + e.getMessage() + " internal=" + e.isInternalError() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String child(boolean allowThreads, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                PortableThreadsTest.class.getName(), Boolean.toString(allowThreads)));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void withoutTheExportGuestThreadsExploreTheSameSchedules() throws Exception {
        List<Path> files = List.of(SEED.resolve("deadlock-2015.hlk"), SEED.resolve("lost-update-4.19.hlk"),
                SEED.resolve("d-inversion-4.20.hlk"));
        StringBuilder expected = new StringBuilder();
        for (Path f : files) {
            expected.append(evaluate(f, false));
        }
        String portable = child(true, files);
        assertTrue(expected.toString().contains("deadlock"), expected.toString());
        assertTrue(expected.toString().contains("expectation met"), expected.toString());
        assertEquals(untimed(expected.toString()), untimed(portable));
    }

    /** Wall-clock times are the only thing allowed to differ. */
    private static String untimed(String report) {
        return report.replaceAll("\\d+\\.\\d+ s\\b", "<time> s");
    }

    @Test
    void withoutTheExportOrThreadsTheErrorSaysWhatToDo() throws Exception {
        String out = child(false, List.of(SEED.resolve("lost-update-4.19.hlk")));
        assertTrue(out.contains("error: guest threads need the JVM option --add-exports java.base/jdk.internal.vm=ALL-UNNAMED"), out);
        assertTrue(out.contains("allowCreateThread(true)"), out);
        assertTrue(out.contains("internal=false"), out);
    }
}
