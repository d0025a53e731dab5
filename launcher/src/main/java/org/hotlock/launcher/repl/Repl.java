package org.hotlock.launcher.repl;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.hotlock.launcher.AtomicFiles;
import org.hotlock.launcher.ErrorReporter;
import org.hotlock.launcher.progress.ProgressLine;
import org.hotlock.launcher.progress.ProgressListener;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    /** The snippets the session accepted, with their ids: /list shows them, /save and /kernel replay them. */
    private final Snippets snippets = new Snippets();
    private Feedback feedback = Feedback.NORMAL;
    private Context context;
    /** The context's session object; made again with the context on /kernel and /reset. */
    private LanguageSession session;
    private volatile boolean evaluating;
    /** A Ctrl-C asked the running search to stop: a second one interrupts the evaluation. */
    private volatile boolean stopAsked;
    /** A Ctrl-C came while an input's snippets ran (a pasted file, /open): the rest of them are not evaluated. */
    private volatile boolean inputInterrupted;
    private boolean done;
    /** Where the history lives; written whole to a temporary file and renamed after every line. */
    private final HistoryFile historyFile;
    /** A search's progress, one line at the bottom of the terminal while it runs. */
    private final ProgressLine progressLine;

    public Repl(Terminal terminal, Path historyFile, ContextFactory factory) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.guestOut = new PrintStream(new TerminalStream(terminal), true, StandardCharsets.UTF_8);
        this.factory = factory;
        this.progressLine = new ProgressLine(terminal);
        this.context = newContext(null);
        this.session = new LanguageSession(context);
        HotLockCompleter completer = new HotLockCompleter(this);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("hotlock")
                .parser(new SnippetParser(this::isIncomplete))
                .completer(completer)
                .highlighter(new HotLockHighlighter())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        this.historyFile = new HistoryFile(historyFile);
        this.reader = builder.build();
        // Shift-Tab: the documentation of the function at the cursor (JShell shows it on a second Tab too)
        reader.getWidgets().put("hotlock-documentation", () -> {
            completer.showDocumentation(reader);
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("hotlock-documentation"), "\u001b[Z");
        String problem = this.historyFile.load(reader.getHistory());
        if (problem != null) {
            out.println("|  " + problem);
        }
        terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    }

    /** A context for the session; its searches show their progress on the terminal's status line. */
    private Context newContext(String kernel) {
        Context c = factory.create(guestOut, kernel);
        ProgressListener.listen(c, p -> progressLine.update("", p));
        return c;
    }

    /** The history file of the project the working directory belongs to (see HistoryFile). */
    public static Path historyOf(Path home, Path workingDirectory) {
        return HistoryFile.forProject(home, workingDirectory);
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

    Snippets snippets() {
        return snippets;
    }

    LanguageSession session() {
        return session;
    }

    Feedback feedback() {
        return feedback;
    }

    void setFeedback(Feedback feedback) {
        this.feedback = feedback;
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

    /** Saves the history now (after every line, and after /history -clear). */
    void saveHistory() {
        String problem = historyFile.save(reader.getHistory());
        if (problem != null) {
            out.println("|  " + problem);
        }
    }

    HistoryFile historyFile() {
        return historyFile;
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

    /** Evaluates each top-level snippet of the input on its own and echoes it; the first that fails ends the input. */
    void evalInput(String text) {
        evalInput(text, false);
    }

    /**
     * With {@code pastErrors} (/open, as JShell's), a snippet that fails is reported and the
     * next ones are evaluated still: a file saved after a /drop may call what was dropped.
     */
    void evalInput(String text, boolean pastErrors) {
        inputInterrupted = false;
        List<String> pieces = pieces(text);
        for (int i = 0; i < pieces.size(); i++) {
            boolean evaluated = evalSnippet(snippets.nextId(), pieces.get(i), true);
            if (inputInterrupted && i + 1 < pieces.size()) {
                out.println("|  Ctrl-C: the " + (pieces.size() - i - 1) + " snippets after it are not evaluated");
                return;
            }
            if (!evaluated && !pastErrors) {
                return;
            }
        }
    }

    /**
     * Evaluates the snippets of the text that are not among {@code known} (an edit: the
     * snippets left as they were are not run again, as in JShell), and adds them to it.
     */
    void evalChanged(String text, Set<String> known) {
        for (String piece : pieces(text)) {
            if (known.add(piece.strip()) && !evalSnippet(snippets.nextId(), piece, true)) {
                return;
            }
        }
    }

    /** The text's top-level snippets; none, after the syntax error is shown, when it does not parse. */
    private List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        try {
            for (LanguageSession.Span span : session.snippets(text)) {
                pieces.add(text.substring(span.start(), span.end()));
            }
        } catch (PolyglotException e) {
            report(e);
        }
        return pieces;
    }

    /** Evaluates one snippet under its id and records it; false (after the error) when it failed. */
    boolean evalSnippet(int id, String piece, boolean echo) {
        Set<String> before = definedNames();
        Value v;
        try {
            v = evaluate(piece, "<snippet " + id + ">");
        } catch (PolyglotException e) {
            report(e);
            return false;
        }
        Snippets.Snippet s = snippets.add(id, piece);
        String var = "$" + id;
        if (s.kind.kind() == SnippetKinds.Kind.EXPRESSION && v != null && !v.isNull()) {
            session.setGlobal(var, v);
        }
        if (echo) {
            echo(s.kind, v, before, var);
        }
        return true;
    }

    /**
     * Evaluates guest source; Ctrl-C meanwhile interrupts it. Then shows what the checks found
     * in it and had not shown yet (a scenario shows its own), and nothing an earlier snippet found.
     */
    Value evaluate(String text, String name) {
        evaluating = true;
        stopAsked = false;
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

    /** Ctrl-C: a running search stops and reports what it found; anything else, or a second Ctrl-C, is interrupted. */
    private void interrupt() {
        inputInterrupted = true;
        if (!evaluating) {
            return;
        }
        if (!stopAsked) {
            try {
                if (session.stopSearch()) {
                    stopAsked = true;
                    return;
                }
            } catch (PolyglotException | IllegalStateException e) {
                // the context is closing: interrupt it as any evaluation
            }
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

    /** What a snippet did, as much as the feedback mode asks for (see Feedback). */
    private void echo(SnippetKinds.Snippet snippet, Value v, Set<String> before, String var) {
        String name = snippet.name();
        switch (snippet.kind()) {
            case FUNCTION -> action((before.contains(name) ? "replaced" : "created") + " fn " + name);
            case STRUCT -> action((before.contains("struct " + name) ? "replaced" : "created") + " struct " + name);
            case VARIABLE, CONSTANT -> {
                value(name + " ==> " + show(v));
                if (feedback == Feedback.VERBOSE) {
                    action("created " + (snippet.kind() == SnippetKinds.Kind.CONSTANT ? "constant " : "variable ") + name + " : " + typeOf(name));
                }
            }
            case DECLARATION -> {
                String word = name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : name;
                if (name.startsWith("kernel ")) {
                    action("loaded kernel model " + word);
                } else if (name.startsWith("shared ")) {
                    action("declared " + name);
                } else {
                    boolean existed = before.contains(word) || before.contains(name);
                    action((existed ? "replaced " : "created ") + name);
                }
            }
            case EXPRESSION -> {
                if (v != null && !v.isNull()) {
                    value(var + " ==> " + show(v));
                    if (feedback == Feedback.VERBOSE) {
                        action("created scratch variable " + var + " : " + typeOf(var));
                    }
                }
            }
            case STATEMENT -> {
            }
        }
    }

    private String typeOf(String global) {
        return globals().stream().filter(g -> g[0].equals(global)).map(g -> g[1]).findFirst().orElse("?");
    }

    private void value(String line) {
        if (feedback != Feedback.SILENT) {
            out.println(line);
        }
    }

    private void action(String what) {
        if (feedback == Feedback.NORMAL || feedback == Feedback.VERBOSE) {
            out.println("|  " + what);
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

    /**
     * A new session; with replay, the active snippets evaluated again under their ids (so
     * {@code $ID} means what it meant), on the kernel given if one is. Scenarios and
     * expectations are not run again: /explore does that by hand.
     */
    void reset(String kernel, boolean replay) {
        List<Snippets.Snippet> old = snippets.active();
        int next = snippets.nextId();
        context.close(true);
        context = newContext(kernel);
        session = new LanguageSession(context);
        snippets.clear();
        if (!replay) {
            return;
        }
        inputInterrupted = false;
        if (kernel != null && old.stream().noneMatch(x -> x.kind.name().startsWith("kernel "))) {
            evalSnippet(next, "kernel \"" + kernel + "\"", false);
        }
        for (int i = 0; i < old.size(); i++) {
            Snippets.Snippet s = old.get(i);
            String t = s.text.strip();
            if (t.startsWith("explore") || t.startsWith("run") || t.startsWith("pct") || t.startsWith("expect")) {
                snippets.add(s.id, s.text);
                continue;
            }
            String text = replayText(s, kernel);
            if (!evalSnippet(s.id, text, false)) {
                // what the user typed stays in the session (/list, /save) even when it fails now
                snippets.add(s.id, text);
                out.println("|  replaying snippet " + s.id + " '" + firstLine(s.text) + "' failed (above); it is kept (/drop " + s.id
                        + " to drop it)");
            }
            if (inputInterrupted && i + 1 < old.size()) {
                // Ctrl-C ends the replay, as it ends an /open; the rest stays in the session
                for (Snippets.Snippet rest : old.subList(i + 1, old.size())) {
                    snippets.add(rest.id, replayText(rest, kernel));
                }
                out.println("|  Ctrl-C: the " + (old.size() - i - 1) + " snippets after it are kept but not replayed (/reload replays them)");
                return;
            }
        }
    }

    /** A snippet as a replay runs it: a kernel declaration names the kernel switched to (/kernel), if any. */
    private static String replayText(Snippets.Snippet s, String kernel) {
        return kernel != null && s.kind.name().startsWith("kernel ") ? "kernel \"" + kernel + "\"" : s.text;
    }

    /** Why the kernel model cannot be loaded (an unknown version), tried in a context of its own; null when it can. */
    String kernelProblem(String version) {
        try (Context trial = factory.create(new PrintStream(OutputStream.nullOutputStream()), version)) {
            trial.eval("hotlock", "kernel \"" + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            return null;
        } catch (PolyglotException e) {
            // the message without the trial's location: the user typed a command, not that source
            String message = e.getMessage();
            int at = message.indexOf("error: ");
            return at < 0 ? message : message.substring(at + "error: ".length());
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    /** Writes text to a file: a temporary file renamed over it, so a crash loses nothing. */
    static void save(Path file, List<String> lines) throws IOException {
        AtomicFiles.write(file, String.join("\n", lines) + "\n");
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

    /** The members of a global object ({@code sysfs}: write, read, wait); none for another name. */
    List<String> members(String receiver) {
        List<String> members = new ArrayList<>();
        if (!receiver.matches("[A-Za-z_][A-Za-z0-9_]*") || globals().stream().noneMatch(g -> g[0].equals(receiver))) {
            return members;
        }
        try {
            Value v = context.eval("hotlock", receiver);
            if (v.hasMembers()) {
                members.addAll(v.getMemberKeys());
            }
        } catch (PolyglotException e) {
            // not an object after all
        }
        return members;
    }

    /** The function a member holds ({@code sysfs.read}: sysfs_read), or null. */
    String memberFunction(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0 || !members(qualified.substring(0, dot)).contains(qualified.substring(dot + 1))) {
            return null;
        }
        Value v = context.eval("hotlock", qualified);
        String text = v.toString();
        return v.canExecute() && text.startsWith("fn ") ? text.substring(3) : null;
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
