package org.hotlock.launcher.repl;

import org.graalvm.polyglot.PolyglotException;
import org.hotlock.launcher.ScriptFiles;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The slash commands, in JShell's style: unambiguous prefixes work, /help explains each. */
final class Commands {
    private record Command(String usage, String summary, String help) {
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        add("/help", "/help [command|intro]", "get information about commands", "Show the list of commands, or the help of one: /help explore.");
        add("/list", "/list", "list the snippets of this session", "Show every snippet the session accepted, numbered, in order.");
        add("/vars", "/vars", "list the variables and constants", "Show each global variable and constant with its type and value.");
        add("/fns", "/fns", "list the functions you declared", "Show the functions declared in this session or by the kernel model (builtins left out).");
        add("/threads", "/threads", "list the declared threads", "Show the threads declared with 'thread NAME { ... }'.");
        add("/machine", "/machine", "show the kernel and the machine", "Show the kernel model, the machine, its nodes and each zone's present pages.");
        add("/blocks", "/blocks", "list the memory blocks", "Show each memory block: its state, node and zone.");
        add("/locks", "/locks", "show who holds which lock, now", "Show every global lock and every held device lock, with holders and modes.");
        add("/kernel", "/kernel 4.19|4.20", "switch the kernel model and replay the session", "Start over on the other kernel model and replay the session's snippets (scenarios and expectations are not replayed: /explore again).");
        add("/run", "/run", "run the declared threads under one schedule", "Run the declared threads together once, under a seeded random schedule.");
        add("/explore", "/explore", "explore the declared threads' interleavings", "Explore every interleaving of the declared threads that matters (DPOR); Ctrl-C interrupts.");
        add("/trace", "/trace", "show the last failing interleaving", "Show the interleaving of the last failing execution found by /run or /explore.");
        add("/rules", "/rules", "list the locking rules", "Show every rule checked: the model's R1-R4 (R4 as its clauses R4a, R4b) and yours.");
        add("/reset", "/reset", "start a fresh session", "Forget every snippet and start with a fresh context.");
        add("/save", "/save FILE", "save the session's snippets to a file", "Write the snippets to FILE (atomically: a temporary file renamed over it); /open FILE replays them.");
        add("/open", "/open FILE", "evaluate the snippets of a file", "Read FILE and evaluate its snippets as if typed.");
        add("/history", "/history", "show the input history", "Show what was typed, this session and earlier ones (kept in ~/.hotlock_history).");
        add("/exit", "/exit", "exit the session", "Leave HotLock (Ctrl-D does too).");
    }

    static final List<String> NAMES = List.copyOf(COMMANDS.keySet());

    private static void add(String name, String usage, String summary, String help) {
        COMMANDS.put(name, new Command(usage, summary, help));
    }

    private final Repl repl;

    Commands(Repl repl) {
        this.repl = repl;
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
        String name = resolve(parts[0]);
        if (name == null) {
            return;
        }
        var out = repl.out();
        switch (name) {
            case "/help" -> help(arg);
            case "/list" -> {
                List<String> s = repl.snippets();
                for (int i = 0; i < s.size(); i++) {
                    String[] lines = s.get(i).split("\n");
                    out.printf("%4d : %s%n", i + 1, lines[0]);
                    for (int j = 1; j < lines.length; j++) {
                        out.println("       " + lines[j]);
                    }
                }
            }
            case "/vars" -> {
                for (String[] g : repl.globals()) {
                    if (!g[1].equals("fn") && !g[1].equals("thread") && !g[0].equals("sysfs") && !g[0].startsWith("$")
                            || g[0].startsWith("$")) {
                        out.println("|    " + g[1] + " " + g[0] + " = " + g[2]);
                    }
                }
            }
            case "/fns" -> {
                for (String[] g : repl.globals()) {
                    if (g[1].equals("fn") && !Boolean.parseBoolean(g[3])) {
                        out.println("|    fn " + g[0]);
                    }
                }
            }
            case "/threads", "/machine", "/blocks", "/locks", "/rules", "/trace" -> {
                String text = repl.status().apply(name.substring(1));
                out.println(text.isEmpty() ? "|  none" : text);
            }
            case "/kernel" -> {
                if (!arg.equals("4.19") && !arg.equals("4.20")) {
                    out.println("|  Usage: /kernel 4.19|4.20");
                    return;
                }
                repl.reset(arg, true);
                out.println("|  now on kernel " + arg + "; " + repl.snippets().size() + " snippets replayed; /explore to run the scenario again");
            }
            case "/run", "/explore" -> {
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
            case "/save" -> {
                if (arg.isEmpty()) {
                    out.println("|  Usage: /save FILE");
                    return;
                }
                try {
                    repl.save(Path.of(arg));
                    out.println("|  saved " + repl.snippets().size() + " snippets to " + arg);
                } catch (IOException e) {
                    out.println("|  could not save to " + arg + ": " + e.getMessage());
                }
            }
            case "/open" -> {
                if (arg.isEmpty()) {
                    out.println("|  Usage: /open FILE");
                    return;
                }
                try {
                    repl.evalInput(ScriptFiles.read(Path.of(arg)));
                } catch (NoSuchFileException e) {
                    out.println("|  File '" + arg + "' for '/open' is not found.");
                } catch (ScriptFiles.Unreadable e) {
                    // too large, or not UTF-8: the message says which, and where
                    out.println("|  " + e.getMessage());
                } catch (IOException e) {
                    out.println("|  could not read " + arg + ": " + e.getMessage());
                }
            }
            case "/history" -> {
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
        for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
            out.printf("|  %-20s -- %s%n", e.getValue().usage(), e.getValue().summary());
        }
        out.println("|  /help COMMAND shows more; abbreviations work when they are unambiguous.");
    }
}
