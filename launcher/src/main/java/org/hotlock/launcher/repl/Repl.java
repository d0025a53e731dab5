package org.hotlock.launcher.repl;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.hotlock.launcher.AtomicFiles;
import org.hotlock.launcher.ErrorReporter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The interactive HotLock session, in the manner of JShell: each snippet is evaluated on its
 * own and echoed back ({@code $1 ==> 42}, {@code |  created thread probe}); slash commands
 * inspect and drive the session; errors never end it.
 */
public final class Repl {
    /** Makes the session's contexts; output goes to the stream given. */
    public interface ContextFactory {
        Context create(PrintStream out, String kernelOverride);
    }

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final PrintStream guestOut;
    private final ContextFactory factory;
    private final Commands commands = new Commands(this);
    /** The snippets the session accepted, in order: /list, /save and /kernel replay them. */
    private final List<String> snippets = new ArrayList<>();
    private Context context;
    /** The context's session object; made again with the context on /kernel and /reset. */
    private LanguageSession session;
    private int values;
    private volatile boolean evaluating;
    private boolean done;
    /** Where the history lives; written whole to a temporary file and renamed after every line. */
    private final Path historyFile;
    private static final int HISTORY_SIZE = 1000;

    public Repl(Terminal terminal, Path historyFile, ContextFactory factory) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.guestOut = new PrintStream(new TerminalStream(terminal), true, StandardCharsets.UTF_8);
        this.factory = factory;
        this.context = factory.create(guestOut, null);
        this.session = new LanguageSession(context);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("hotlock")
                .parser(new SnippetParser(this::isIncomplete))
                .completer(new HotLockCompleter(this))
                .highlighter(new HotLockHighlighter())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        this.historyFile = historyFile;
        this.reader = builder.build();
        loadHistory();
        terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    }

    public LineReader reader() {
        return reader;
    }

    PrintWriter out() {
        return out;
    }

    Context context() {
        return context;
    }

    List<String> snippets() {
        return snippets;
    }

    /** Runs the session until /exit or Ctrl-D; returns the exit code. */
    public int run() {
        out.println("|  Welcome to HotLock -- a lock-aware simulator of Linux memory hotplug");
        out.println("|  For an introduction type: /help intro");
        out.flush();
        while (!done) {
            String line;
            try {
                line = reader.readLine("hotlock> ");
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt drops the line, as in JShell
            } catch (EndOfFileException e) {
                break;
            }
            saveHistory();
            handle(line);
        }
        context.close(true);
        return 0;
    }

    private void loadHistory() {
        if (historyFile == null || !Files.exists(historyFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(historyFile, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    reader.getHistory().add(line.replace("\\n", "\n").replace("\\\\", "\\"));
                }
            }
        } catch (IOException e) {
            out.println("|  could not read the history " + historyFile + ": " + e.getMessage());
        }
    }

    /**
     * The history is never lost: it is saved after every line, whole, to a temporary file
     * renamed over the old one, so a crash or Ctrl-C mid-save leaves the previous history.
     */
    private void saveHistory() {
        if (historyFile == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (var entry : reader.getHistory()) {
            lines.add(entry.line().replace("\\", "\\\\").replace("\n", "\\n"));
        }
        if (lines.size() > HISTORY_SIZE) {
            lines = lines.subList(lines.size() - HISTORY_SIZE, lines.size());
        }
        try {
            AtomicFiles.write(historyFile, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            out.println("|  could not save the history: " + e.getMessage());
        }
    }

    /** One input: a slash command or snippets. */
    public void handle(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.startsWith("/")) {
            commands.run(trimmed);
        } else {
            evalInput(line);
        }
        out.flush();
    }

    void exit() {
        done = true;
    }

    /** Evaluates each top-level snippet of the input on its own and echoes it. */
    void evalInput(String text) {
        List<LanguageSession.Span> spans;
        try {
            spans = session.snippets(text);
        } catch (PolyglotException e) {
            report(e);
            return;
        }
        Set<String> before = definedNames();
        for (LanguageSession.Span span : spans) {
            String piece = text.substring(span.start(), span.end());
            Value v;
            try {
                v = evaluate(piece, "<snippet " + (snippets.size() + 1) + ">");
            } catch (PolyglotException e) {
                report(e);
                return;
            }
            snippets.add(piece);
            echo(SnippetKinds.classify(piece), v, before);
        }
    }

    /**
     * Evaluates guest source; Ctrl-C meanwhile interrupts it. Then shows what the checks found
     * in it and had not shown yet (a scenario shows its own), and nothing an earlier snippet found.
     */
    Value evaluate(String text, String name) {
        evaluating = true;
        session.beginSnippet();
        try {
            Value v = context.eval(Source.newBuilder("hotlock", text, name).buildLiteral());
            guestOut.flush();
            return v;
        } finally {
            evaluating = false;
            showNewFindings();
        }
    }

    private void showNewFindings() {
        try {
            guestOut.flush();
            String findings = session.newFindings();
            if (!findings.isEmpty()) {
                out.print(findings);
                out.flush();
            }
        } catch (PolyglotException e) {
            // the context was cancelled (Ctrl-C, /exit): nothing more to show
        }
    }

    private void interrupt() {
        if (!evaluating) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                context.interrupt(Duration.ofSeconds(10));
            } catch (Exception e) {
                // the evaluation ended on its own meanwhile
            }
        }, "hotlock-interrupt");
        t.setDaemon(true);
        t.start();
    }

    private void echo(SnippetKinds.Snippet snippet, Value v, Set<String> before) {
        String name = snippet.name();
        switch (snippet.kind()) {
            case FUNCTION -> out.println("|  " + (before.contains(name) ? "replaced" : "created") + " fn " + name);
            case STRUCT -> out.println("|  " + (before.contains("struct " + name) ? "replaced" : "created") + " struct " + name);
            case VARIABLE, CONSTANT -> out.println(name + " ==> " + show(v));
            case DECLARATION -> {
                String word = name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : name;
                if (name.startsWith("kernel ")) {
                    out.println("|  loaded kernel model " + word);
                } else if (name.startsWith("shared ")) {
                    out.println("|  declared " + name);
                } else {
                    boolean existed = before.contains(word) || before.contains(name);
                    out.println("|  " + (existed ? "replaced " : "created ") + name);
                }
            }
            case EXPRESSION -> {
                if (v != null && !v.isNull()) {
                    String var = "$" + (++values);
                    session.setGlobal(var, v);
                    out.println(var + " ==> " + show(v));
                }
            }
            case STATEMENT -> {
            }
        }
    }

    static String show(Value v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isString()) {
            return "\"" + v.asString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        return v.toString();
    }

    /** Names defined now: globals, and structs as "struct NAME", rules as "rule NAME". */
    Set<String> definedNames() {
        Set<String> names = new HashSet<>();
        try {
            for (String[] global : session.globals()) {
                names.add(global[0]);
            }
            String rules = session.status("rules");
            for (String line : rules.split("\n")) {
                if (line.strip().contains(":")) {
                    names.add("rule " + line.strip().substring(0, line.strip().indexOf(':')));
                }
            }
        } catch (PolyglotException e) {
            // no kernel yet: only globals
        }
        return names;
    }

    /** Globals as [name, type, text, builtin]. */
    List<String[]> globals() {
        return session.globals();
    }

    void report(PolyglotException e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (e.isInterrupted() || e.isCancelled()) {
            out.println("|  interrupted");
            return;
        }
        new ErrorReporter(ps, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        for (String l : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            out.println("|  " + l);
        }
    }

    /** True when the text is a snippet that is not finished yet: an open brace, parenthesis, string. */
    boolean isIncomplete(String text) {
        if (text.strip().startsWith("/")) {
            return false;
        }
        try {
            context.parse(Source.newBuilder("hotlock", text, "<input>").buildLiteral());
            return false;
        } catch (PolyglotException e) {
            return e.isSyntaxError() && e.isIncompleteSource();
        }
    }

    /** A new session; with a kernel override, the same snippets replayed on that kernel. */
    void reset(String kernel, boolean replay) {
        List<String> old = new ArrayList<>(snippets);
        context.close(true);
        context = factory.create(guestOut, kernel);
        session = new LanguageSession(context);
        snippets.clear();
        values = 0;
        if (!replay) {
            return;
        }
        for (String s : old) {
            String t = s.strip();
            if (t.startsWith("explore") || t.startsWith("run") || t.startsWith("pct") || t.startsWith("expect")) {
                continue; // scenarios and expectations are re-run by hand: /explore
            }
            if (kernel != null && t.startsWith("kernel")) {
                s = "kernel \"" + kernel + "\"";
            }
            try {
                evaluate(s, "<replay>");
                snippets.add(s);
            } catch (PolyglotException e) {
                out.println("|  replaying '" + firstLine(s) + "' failed:");
                report(e);
            }
        }
        if (kernel != null && old.stream().noneMatch(x -> x.strip().startsWith("kernel"))) {
            evaluate("kernel \"" + kernel + "\"", "<kernel>");
            snippets.addFirst("kernel \"" + kernel + "\"");
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    /** Writes the snippets to a file: a temporary file renamed over it, so a crash loses nothing. */
    void save(Path file) throws IOException {
        AtomicFiles.write(file, String.join("\n", snippets) + "\n");
    }

    Map<String, String> lockNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] g : globals()) {
            if (g[1].contains("mutex") || g[1].contains("semaphore") || g[1].contains("spinlock") || g[1].contains("seqlock")) {
                names.put(g[0], g[1]);
            }
        }
        return names;
    }

    List<String> sysfsPaths() {
        List<String> paths = new ArrayList<>();
        try {
            Value p = context.eval("hotlock", "sysfs_paths()");
            for (long i = 0; i < p.getArraySize(); i++) {
                paths.add(p.getArrayElement(i).asString());
            }
        } catch (PolyglotException e) {
            // no kernel
        }
        return paths;
    }

    Function<String, String> status() {
        return what -> {
            try {
                return session.status(what);
            } catch (PolyglotException e) {
                return e.getMessage();
            }
        };
    }

    Terminal terminal() {
        return terminal;
    }
}
