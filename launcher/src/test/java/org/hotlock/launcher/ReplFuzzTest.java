package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated keyboard input to the REPL through JLine's terminal (issue 17): control characters
 * and escape sequences, long lines (pasted, as a terminal sends a paste, up to 256 000
 * characters; typed, key by key, up to 4 000: JLine redraws the line after every key, so a
 * typed line costs time quadratic in its length), snippets left open, slash commands with odd arguments
 * ({@code /open} of missing, binary, huge and endless files, {@code /save} where nothing can be
 * written), and Ctrl-C at random moments, in a line, at the prompt, while a loop, an
 * exploration or an {@code /open} runs. After each input a probe ({@code print(7000000 + N)})
 * must be answered: the REPL still reads and evaluates. The property: no Java stack trace or
 * internal error is ever printed, the REPL never ends or stops answering, and what the session
 * holds (a variable defined first, the history) outlives every input.
 *
 * Inputs come from a seeded generator: {@code -Dhotlock.replfuzz.inputs=N -Dhotlock.replfuzz.seed=S}
 * (16 in the suite). A failing input is printed escaped, one line, as the files of
 * {@code src/test/resources/fuzz-corpus/repl/} hold them ({@code \ue000} is a pause of 100 ms);
 * every input there is replayed on each run.
 */
class ReplFuzzTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/repl");
    private static final char CTRL_C = '\u0003';
    private static final String SCENARIO = """
            kernel "4.19"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
            sysfs.write("/sys/devices/system/memory/probe", 0x110000000)
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread writer1 { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            thread writer2 { sysfs.write("/sys/devices/system/memory/memory34/online", "1") }
            """;

    @TempDir
    Path dir;
    private long probes;

    @Test
    void generatedInputsNeitherBreakNorStopTheRepl() throws Exception {
        int inputs = Integer.getInteger("hotlock.replfuzz.inputs", 16);
        long seed = Long.getLong("hotlock.replfuzz.seed", 20261129L);
        Random random = new Random(seed);
        Workspace files = new Workspace(dir);
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            generated.add(input(random));
        }
        long start = System.nanoTime();
        replay(generated, files, "seed " + seed + ", input ");
        System.out.printf("repl fuzz: seed %d, %d inputs, %d probes answered, %.1f s, 0 failures%n", seed, inputs, probes,
                (System.nanoTime() - start) / 1e9);
    }

    /** Every input that once broke the REPL, replayed in one session. */
    @Test
    void everyInputThatOnceFailedIsAnsweredNow() throws Exception {
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> list = java.nio.file.Files.list(CORPUS)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        inputs.add(Escapes.unescape(line));
                    }
                }
            }
        }
        assertTrue(!inputs.isEmpty(), "the corpus has inputs");
        replay(inputs, new Workspace(dir), "corpus input ");
    }

    /**
     * One session: a variable first, then each input followed by a probe, then the variable and
     * the history read back (the history in a second session, as the next start of hotlock reads it).
     */
    private void replay(List<String> inputs, Workspace files, String label) throws Exception {
        Path history = dir.resolve("history");
        List<String> probeLines = new ArrayList<>();
        try (TerminalSession session = new TerminalSession(history)) {
            session.type("var keep = 41\n");
            probeLines.add(probe(session, "the first probe"));
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                int mark = session.mark();
                session.type(files.resolve(input));
                String name = label + i + " (escaped, as the corpus holds it):\n" + Escapes.escape(input);
                probeLines.add(probe(session, name));
                String printed = session.since(mark);
                String internal = Printed.internalError(printed);
                if (internal != null) {
                    fail("an internal error or a Java trace after " + name + "\n--> " + internal + "\n" + tail(printed));
                }
            }
            int mark = session.mark();
            session.type("print(keep + 1)\n");
            assertTrue(session.await(Pattern.compile("(?m)^42$"), mark, Duration.ofSeconds(30)),
                    "the variable defined first is still there:\n" + tail(session.since(mark)));
            assertTrue(session.end(Duration.ofSeconds(30)), "Ctrl-D ends the session");
            assertEquals(null, session.escaped(), "nothing escaped the REPL");
        }
        try (TerminalSession next = new TerminalSession(history)) {
            int mark = next.mark();
            next.type("/history\n");
            probe(next, "the history");
            String shown = next.since(mark);
            // the history keeps the last 1000 lines typed; every probe among them is there as typed
            for (String line : probeLines.subList(Math.max(0, probeLines.size() - 50), probeLines.size())) {
                assertTrue(shown.contains("\n" + line + "\n"), "the history has '" + line + "':\n" + tail(shown));
            }
        }
    }

    /**
     * Ctrl-C (drops a line left open, interrupts what still runs), then a snippet whose answer
     * only an evaluation can print. A Ctrl-C can race with a line still being read, so the
     * probe is tried three times; a REPL that answers none has stopped answering.
     */
    private String probe(TerminalSession session, String after) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            long n = ++probes;
            // a backslash sequence in the comment: the history must keep it as typed
            String line = "print(7000000 + " + n + ") // probe \\n \\\\";
            // the Ctrl-C must come after the REPL has read what was typed, or it drops nothing
            session.settle(Duration.ofMillis(150), Duration.ofSeconds(20));
            int mark = session.mark();
            session.type(String.valueOf(CTRL_C));
            session.await(Pattern.compile("hotlock> $"), mark, Duration.ofSeconds(20));
            mark = session.mark();
            session.type(line + "\n");
            if (session.await(Pattern.compile("(?m)^" + (7000000 + n) + "$"), mark, Duration.ofSeconds(20))) {
                return line;
            }
            System.out.println("repl fuzz: probe " + n + " not answered after " + after.replace('\n', ' ') + "; the screen: "
                    + Escapes.escape(tail(session.since(mark))));
            if (!session.running()) {
                fail("the REPL ended after " + after + (session.escaped() != null ? "\n--> " + session.escaped() : ""));
            }
        }
        fail("the REPL stopped answering after " + after);
        return null;
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : "..." + s.substring(s.length() - 3000);
    }

    /** The files inputs name, made in the test's directory: $DIR in an input stands for it. */
    private static final class Workspace {
        private final Path dir;

        Workspace(Path dir) throws IOException {
            this.dir = dir;
            if (!java.nio.file.Files.exists(dir.resolve("binary.hlk"))) {
                java.nio.file.Files.write(dir.resolve("binary.hlk"), new byte[]{'1', '\n', (byte) 0xff, (byte) 0xfe, 0, 7, '\n'});
                // over the 16 MiB a script may be
                java.nio.file.Files.write(dir.resolve("huge.hlk"), "1\n".repeat(8_500_000).getBytes(StandardCharsets.US_ASCII));
                java.nio.file.Files.writeString(dir.resolve("loops.hlk"), "for i in 0..9223372036854775807 { }\n".repeat(50));
                java.nio.file.Files.writeString(dir.resolve("many.hlk"), "var x = 1\nx = x + 1\n".repeat(5000));
                java.nio.file.Files.writeString(dir.resolve("scenario.hlk"), SCENARIO);
                java.nio.file.Files.createDirectories(dir.resolve("sub"));
            }
        }

        String resolve(String input) {
            return input.replace("$DIR", dir.toString());
        }
    }

    private static final String PASTE_START = "\u001b[200~";
    private static final String PASTE_END = "\u001b[201~";
    private static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0002", "\u0003", "\u0005", "\u0006", "\u0007", "\b",
            "\t", "\n", "\u000b", "\u000c", "\r", "\u000e", "\u000f", "\u0010", "\u0011", "\u0012", "\u0013", "\u0014", "\u0015",
            "\u0016", "\u0017", "\u0018", "\u0019", "\u001a", "\u001b", "\u001c", "\u001d", "\u001e", "\u001f", "\u007f",
            "\u001b[A", "\u001b[B", "\u001b[C", "\u001b[D", "\u001b[H", "\u001b[F", "\u001b[3~", "\u001b[Z", "\u001bb", "\u001bf",
            "\u001b[200~", "\u001b[201~", "\u001b[1;5C", "\u001bOP", "\u001b[999;999R", "\u001b\u001b", "\u0018\u0028", "\u0018\u0029");
    private static final List<String> TEXT = List.of("a", "1", "+", " ", "(", ")", "{", "}", "\"", "\\", "/", "$", "é", "中", "\ud83d\ude00",
            "var ", "print(", "kernel ", "fn ", "thread ", "explore", "1+1", "\\n", "\\u");
    private static final List<String> OPEN = List.of("fn f() {", "\"abc", "/*", "(1 +", "thread t {", "kernel \"4.19", "[1, 2",
            "machine m { node 0 {", "struct s {", "if (true) {", "var s = \"\\", "explore {", "\"\\u00");
    private static final List<String> LONG_RUNNING = List.of("while (true) { }", "for i in 0..9223372036854775807 { }",
            "var grow = []\nwhile (true) { append(grow, \"xxxxxxxxxxxxxxxx\") }", "while (true) { print(\"flood\") }",
            "/open $DIR/loops.hlk", "/open $DIR/many.hlk", "/open $DIR/scenario.hlk\n/explore", "/open $DIR/scenario.hlk\n/pct",
            "/open $DIR/scenario.hlk\nexplore { probe, writer1, writer2 }", "/reload", "/kernel 4.20",
            "fn r(n) { return r(n + 1) }\nr(0)");
    private static final List<String> COMMANDS = List.of("/open", "/save", "/save -history", "/save -all", "/save -bogus", "/list",
            "/drop", "/vars", "/fns", "/types", "/kernel", "/help", "/graph", "/set feedback", "/set", "/history", "/threads",
            "/machine", "/blocks", "/locks", "/rules", "/trace", "/run", "/explore", "/pct", "/reload", "/e", "/", "//", "/!",
            "/-0", "/0", "/-99999999", "/999999999", "/9999999999999", "/x");
    private static final List<String> PATHS = List.of("$DIR/missing.hlk", "$DIR/binary.hlk", "$DIR", "$DIR/sub", "/dev/null",
            "/dev/full", "/proc/hotlock", "/nonexistent/dir/x", "$DIR/out.hlk", "$DIR/binary.hlk/under", "$DIR/sub/x y.hlk");
    private static final List<String> ARGUMENTS = List.of("", "$DIR/missing.hlk", "$DIR/binary.hlk", "$DIR/huge.hlk", "$DIR",
            "$DIR/sub", "/dev/zero", "/dev/null", "/dev/full", "/proc/hotlock", "/nonexistent/dir/x", "$DIR/out.hlk", "-all", "-x",
            "99999999999999999999", "-1", "nosuch", "9.9", "\"", "4.20", "../../etc/passwd", "silent", "verbose", "concise",
            "normal", "x".repeat(5000), "é中", "  spaced  out  ");

    /** One input: what a user might type between two probes. */
    static String input(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> {                                     // keys: control characters, escape sequences, text
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append(r.nextInt(3) == 0 ? CONTROLS.get(r.nextInt(CONTROLS.size())) : TEXT.get(r.nextInt(TEXT.size())));
                }
                yield sb.append(r.nextBoolean() ? "\n" : "").toString();
            }
            case 1 -> {                                     // a long line, pasted (as a terminal sends a paste) or typed
                boolean pasted = r.nextBoolean();
                int n = pasted ? 1000 << r.nextInt(9) : 500 << r.nextInt(4);
                String line = switch (r.nextInt(5)) {
                    case 0 -> "\"" + "a".repeat(n) + "\"";
                    case 1 -> "1" + "+1".repeat(n / 2);
                    case 2 -> "var v" + "v".repeat(n) + " = 1";
                    case 3 -> "x".repeat(n);
                    default -> "[" + "1, ".repeat(n / 3) + "1]";
                };
                yield (pasted ? PASTE_START + line + PASTE_END : line) + "\n";
            }
            case 2 -> {                                     // a snippet left open, maybe continued
                StringBuilder sb = new StringBuilder(OPEN.get(r.nextInt(OPEN.size())));
                int more = r.nextInt(3);
                for (int i = 0; i < more; i++) {
                    sb.append(r.nextBoolean() ? "\n" : " ").append(OPEN.get(r.nextInt(OPEN.size())));
                }
                yield sb.append(r.nextBoolean() ? "\n" : "").toString();
            }
            case 3 -> {
                String command = COMMANDS.get(r.nextInt(COMMANDS.size()));
                // what writes files writes where the test says: a word would be a file in the working directory
                List<String> arguments = command.startsWith("/save") || command.equals("/graph") ? PATHS : ARGUMENTS;
                yield command + " " + arguments.get(r.nextInt(arguments.size())) + "\n";
            }
            case 4 -> {                                     // something that runs, and Ctrl-C at a random moment
                String run = LONG_RUNNING.get(r.nextInt(LONG_RUNNING.size())) + "\n";
                yield run + String.valueOf(TerminalSession.PAUSE).repeat(r.nextInt(12)) + CTRL_C
                        + (r.nextBoolean() ? String.valueOf(TerminalSession.PAUSE).repeat(r.nextInt(4)) + CTRL_C : "");
            }
            default -> {                                    // Ctrl-C in the middle of a line
                String a = TEXT.get(r.nextInt(TEXT.size())) + TEXT.get(r.nextInt(TEXT.size()));
                yield a + CTRL_C + TEXT.get(r.nextInt(TEXT.size())) + "\n";
            }
        };
    }
}
