package org.hotlock.launcher.repl;

import org.graalvm.polyglot.PolyglotException;
import org.hotlock.launcher.AtomicFiles;
import org.hotlock.launcher.LockGraphData;
import org.hotlock.launcher.ScriptFiles;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The slash commands, in JShell's style: unambiguous prefixes work, /help explains each. */
final class Commands {
    private record Command(String usage, String summary, String help) {
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        add("/help", "/help [command|intro]", "get information about commands", "Show the list of commands, or the help of one: /help explore, /help /edit.");
        add("/list", "/list [-all|-start|ID|NAME]", "list the snippets, with their ids", "Show the active snippets with their ids (the N of $N, /N, /edit N, /drop N); -all also the replaced and dropped ones; ID or NAME only those.");
        add("/edit", "/edit [ID|NAME]", "edit snippets in an external editor", "Open the snippets (all active ones without an argument) in the editor of /set editor, $VISUAL or $EDITOR; each save is evaluated as if typed.");
        add("/drop", "/drop ID|NAME", "drop a snippet and what it declared", "Make the snippet inactive and undefine what it declared (a fn, variable, struct or thread).");
        add("/vars", "/vars [-all]", "list your variables and constants", "Show each of your global variables and constants with its type and value; -all adds the kernel model's.");
        add("/fns", "/fns [-all]", "list your functions", "Show the functions you declared, with their signatures; -all adds the kernel model's and the builtins.");
        add("/types", "/types [-all]", "list your struct types", "Show the struct types you declared; -all adds the kernel model's.");
        add("/threads", "/threads", "list the declared threads", "Show the threads declared with 'thread NAME { ... }'.");
        add("/machine", "/machine", "show the kernel and the machine", "Show the kernel model, the machine, its nodes and each zone's present pages.");
        add("/blocks", "/blocks", "list the memory blocks", "Show each memory block: its state, node and zone.");
        add("/locks", "/locks", "show who holds which lock, now", "Show the locks each guest thread holds, as lockdep's \"N locks held by T:\", then every global lock and every held device lock.");
        add("/graph", "/graph [FILE]", "write the session's lock graph", "Write the lock dependency graph of everything the session ran (Graphviz DOT, default hotlock-lock-graph.dot) and summarise it: dependencies, cycles, guarded cycles.");
        add("/kernel", "/kernel VERSION", "switch the kernel model and replay the session", "Start over on another kernel model (4.19, 4.20, ...) and replay the session's snippets (scenarios and expectations are not replayed: /explore again).");
        add("/run", "/run", "run the declared threads under one schedule", "Run the declared threads together once, under a seeded random schedule.");
        add("/explore", "/explore", "explore the declared threads' interleavings", "Explore every interleaving of the declared threads that matters (DPOR), with a status line; Ctrl-C stops the search and shows what it found so far.");
        add("/pct", "/pct", "probabilistic concurrency testing of the threads", "Run the declared threads under PCT schedules (100 runs unless hotlock.PctRuns says otherwise), with a status line; Ctrl-C stops.");
        add("/trace", "/trace", "show the last failing interleaving", "Show the interleaving of the last failing execution found by /run, /explore or /pct.");
        add("/rules", "/rules", "list the locking rules", "Show every rule checked: the model's R1-R4 (R4 as its clauses R4a, R4b) and yours.");
        add("/reset", "/reset", "start a fresh session", "Forget every snippet and start with a fresh context.");
        add("/reload", "/reload", "start over and replay the active snippets", "Start a fresh context and evaluate the active snippets again, under their ids.");
        add("/save", "/save [-all|-history|-start] FILE", "save snippets or history to a file", "Write the active snippets to FILE (-all: every snippet; -history: every line typed; -start: the start-up snippets), atomically; /open FILE replays them.");
        add("/open", "/open FILE", "evaluate the snippets of a file", "Read FILE and evaluate its snippets as if typed.");
        add("/history", "/history [-clear]", "show or clear the input history", "Show what was typed in this project directory, this session and earlier ones; -clear forgets it.");
        add("/set", "/set feedback MODE | editor CMD", "set the feedback mode or the editor", "/set feedback normal|concise|verbose|silent, /set editor COMMAND. feedback: how much each snippet echoes (normal: values and what was created; concise: values; verbose: with types; silent: nothing but errors and findings). editor: the command /edit runs with a file.");
        add("/exit", "/exit", "exit the session", "Leave HotLock (Ctrl-D does too).");
        add("/<id>", "/<id>", "rerun the snippet with that id", "Evaluate the snippet with that id again (/list shows ids); it gets a new id.");
        add("/-<n>", "/-<n>", "rerun the n-th last snippet", "Evaluate the n-th last snippet again: /-1 is the last.");
        add("/!", "/!", "rerun the last snippet", "Evaluate the last snippet again.");
    }

    /** The commands a name can abbreviate (not the /<id> forms). */
    static final List<String> NAMES = COMMANDS.keySet().stream().filter(n -> n.matches("/[a-z]+")).toList();

    private static void add(String name, String usage, String summary, String help) {
        COMMANDS.put(name, new Command(usage, summary, help));
    }

    private final Repl repl;
    private final SnippetCommands snippets;
    private final ExternalEditor editor = new ExternalEditor();

    Commands(Repl repl) {
        this.repl = repl;
        this.snippets = new SnippetCommands(repl);
    }

    /** The command a (possibly abbreviated) name means; null after saying why there is none. */
    String resolve(String typed) {
        if (COMMANDS.containsKey(typed)) {
            return typed;
        }
        List<String> matches = new ArrayList<>();
        for (String n : NAMES) {
            if (n.startsWith(typed)) {
                matches.add(n);
            }
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.isEmpty()) {
            repl.out().println("|  No such command or snippet id: " + typed);
            repl.out().println("|  Type /help for help.");
        } else {
            repl.out().println("|  Command: '" + typed + "' is ambiguous: " + String.join(", ", matches));
            repl.out().println("|  Type /help for help.");
        }
        return null;
    }

    void run(String line) {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        if (parts[0].matches("/(\\d{1,9}|-\\d{1,9}|!)")) {
            snippets.rerun(parts[0]);
            return;
        }
        String name = resolve(parts[0]);
        if (name == null) {
            return;
        }
        var out = repl.out();
        switch (name) {
            case "/help" -> help(arg);
            case "/list" -> snippets.list(arg);
            case "/drop" -> snippets.drop(arg);
            case "/vars", "/fns", "/types" -> snippets.names(name, arg);
            case "/edit" -> edit(arg);
            case "/set" -> set(arg);
            case "/graph" -> graph(arg.isEmpty() ? "hotlock-lock-graph.dot" : arg);
            case "/threads", "/machine", "/blocks", "/locks", "/rules", "/trace" -> {
                String text = repl.status().apply(name.substring(1));
                out.println(text.isEmpty() ? "|  none" : text);
            }
            case "/kernel" -> {
                if (arg.isEmpty()) {
                    out.println("|  Usage: /kernel VERSION");
                    return;
                }
                String problem = repl.kernelProblem(arg);
                if (problem != null) {
                    out.println("|  " + problem);
                    return;
                }
                repl.reset(arg, true);
                out.println("|  now on kernel " + arg + "; " + repl.snippets().active().size() + " snippets replayed; /explore to run the scenario again");
            }
            case "/run", "/explore", "/pct" -> {
                String threads = repl.status().apply("threads").replace("thread ", "").strip().replaceAll("\\s+", ", ");
                try {
                    repl.evaluate("run_scenario(\"" + name.substring(1) + "!\")", "<" + name + ">");
                } catch (PolyglotException e) {
                    repl.report(e);
                }
                if (!threads.isEmpty()) {
                    // kept as a snippet, so /save writes a scenario that /open runs again
                    repl.snippets().add(name.substring(1) + " { " + threads + " }");
                }
            }
            case "/reset" -> {
                repl.reset(null, false);
                out.println("|  Resetting state.");
            }
            case "/reload" -> {
                out.println("|  Restarting and restoring state.");
                out.flush();   // before the replay, which may run long
                repl.reset(null, true);
            }
            case "/save" -> save(arg);
            case "/open" -> {
                if (arg.isEmpty()) {
                    out.println("|  Usage: /open FILE");
                    return;
                }
                try {
                    repl.evalInput(ScriptFiles.read(Path.of(arg)), true);
                } catch (NoSuchFileException e) {
                    out.println("|  File '" + arg + "' for '/open' is not found.");
                } catch (ScriptFiles.Unreadable e) {
                    // too large, or not UTF-8: the message says which, and where
                    out.println("|  " + e.getMessage());
                } catch (IOException e) {
                    out.println("|  could not read " + arg + ": " + AtomicFiles.reason(e));
                }
            }
            case "/history" -> {
                if (arg.equals("-clear")) {
                    try {
                        repl.reader().getHistory().purge();
                    } catch (IOException e) {
                        out.println("|  could not clear the history: " + AtomicFiles.reason(e));
                    }
                    repl.saveHistory();
                    out.println("|  history cleared (" + repl.historyFile().path() + ")");
                    return;
                }
                for (var entry : repl.reader().getHistory()) {
                    out.println(entry.line());
                }
            }
            case "/exit" -> {
                out.println("|  Goodbye");
                repl.exit();
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private void save(String arg) {
        var out = repl.out();
        String[] words = arg.split("\\s+", 2);
        String option = words[0].startsWith("-") ? words[0] : "";
        String file = option.isEmpty() ? arg : words.length > 1 ? words[1].strip() : "";
        if (file.isEmpty() || !List.of("", "-all", "-history", "-start").contains(option)) {
            out.println("|  Usage: /save [-all|-history|-start] FILE");
            return;
        }
        List<String> lines = new ArrayList<>();
        switch (option) {
            case "-history" -> repl.reader().getHistory().forEach(e -> lines.add(e.line()));
            case "-all" -> repl.snippets().all().forEach(s -> lines.add(s.text));
            case "-start" -> {
            }
            default -> repl.snippets().active().forEach(s -> lines.add(s.text));
        }
        try {
            Repl.save(Path.of(file), lines);
            out.println("|  saved " + lines.size() + (option.equals("-history") ? " lines" : " snippets") + " to " + file);
        } catch (IOException e) {
            out.println("|  could not save to " + file + ": " + AtomicFiles.reason(e));
        }
    }

    private void edit(String arg) {
        var out = repl.out();
        if (editor.command() == null) {
            out.println("|  no editor: choose one with /set editor COMMAND, or set $EDITOR");
            return;
        }
        List<Snippets.Snippet> chosen = arg.isEmpty() ? repl.snippets().active() : snippets.found(arg);
        if (chosen == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        Set<String> known = new HashSet<>();
        for (Snippets.Snippet s : chosen) {
            text.append(s.text).append('\n');
            known.add(s.text.strip());
        }
        try {
            editor.edit(repl.terminal(), text.toString(), edited -> {
                repl.evalChanged(edited, known);
                out.flush();
            });
        } catch (IOException e) {
            out.println("|  the editor " + String.join(" ", editor.command()) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void set(String arg) {
        var out = repl.out();
        String[] words = arg.split("\\s+", 2);
        String value = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "feedback" -> {
                Feedback f = Feedback.of(value);
                if (f == null) {
                    out.println("|  Usage: /set feedback normal|concise|verbose|silent (now " + repl.feedback().name().toLowerCase() + ")");
                    return;
                }
                repl.setFeedback(f);
                if (f != Feedback.SILENT) {
                    out.println("|  Feedback mode: " + value.toLowerCase());
                }
            }
            case "editor" -> {
                editor.set(value);
                out.println(value.isEmpty() ? "|  Editor set to the environment's ($VISUAL, $EDITOR)" : "|  Editor set to: " + value);
            }
            default -> out.println("|  Usage: /set feedback normal|concise|verbose|silent, or /set editor COMMAND");
        }
    }

    private void graph(String file) {
        var out = repl.out();
        LockGraphData graph;
        try {
            graph = LockGraphData.of(repl.context());
        } catch (PolyglotException e) {
            repl.report(e);
            return;
        }
        try {
            AtomicFiles.write(Path.of(file), graph.dot("hotlock session"));
        } catch (IOException e) {
            out.println("|  could not write " + file + ": " + AtomicFiles.reason(e));
            return;
        }
        out.print(GraphSummary.text(graph, file));
    }

    private void help(String arg) {
        var out = repl.out();
        if (arg.equals("intro")) {
            out.println("|  HotLock describes a machine and runs the Linux memory-hotplug code of a kernel model on it.");
            out.println("|  Try, one line at a time:");
            out.println("|    kernel \"4.19\"");
            out.println("|    machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }");
            out.println("|    sysfs.write(\"/sys/devices/system/memory/probe\", 4G)");
            out.println("|    thread admin { sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"1\") }");
            out.println("|    /explore");
            out.println("|  Then /kernel 4.20 and /explore again.");
            return;
        }
        if (!arg.isEmpty()) {
            String name = resolve(arg.startsWith("/") ? arg : "/" + arg);
            if (name != null) {
                Command c = COMMANDS.get(name);
                out.println("|  " + c.usage());
                out.println("|    " + c.help());
            }
            return;
        }
        out.println("|  Type a HotLock snippet to evaluate it, or a command:");
        int width = COMMANDS.values().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
            out.printf("|  %-" + width + "s -- %s%n", e.getValue().usage(), e.getValue().summary());
        }
        out.println("|  /help COMMAND shows more; abbreviations work when they are unambiguous.");
    }
}
