package org.hotlock.launcher.repl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The commands on snippets and names, with JShell's meaning: /list, /drop, /ID, /-N, /!, /vars, /fns, /types. */
final class SnippetCommands {
    private final Repl repl;

    SnippetCommands(Repl repl) {
        this.repl = repl;
    }

    private PrintWriter out() {
        return repl.out();
    }

    /** /list [-all|-start|ID|NAME]: the active snippets with their ids; -all also the replaced and dropped ones. */
    void list(String arg) {
        List<Snippets.Snippet> shown;
        if (arg.equals("-start")) {
            out().println("|  no start-up snippets: the kernel model is what a session starts from (kernel \"VERSION\")");
            return;
        } else if (arg.equals("-all")) {
            shown = repl.snippets().all();
        } else if (arg.isEmpty()) {
            shown = repl.snippets().active();
        } else {
            shown = found(arg);
            if (shown == null) {
                return;
            }
        }
        for (Snippets.Snippet s : shown) {
            String[] lines = s.text.split("\n");
            String status = s.active() ? "" : s.status == Snippets.Status.DROPPED ? "   (dropped)" : "   (replaced)";
            out().printf("%4d : %s%s%n", s.id, lines[0], lines.length == 1 ? status : "");
            for (int j = 1; j < lines.length; j++) {
                out().println("       " + lines[j] + (j == lines.length - 1 ? status : ""));
            }
        }
    }

    /** The snippets an ID or NAME names; null after saying there are none. */
    List<Snippets.Snippet> found(String arg) {
        List<Snippets.Snippet> found = new ArrayList<>();
        for (String word : arg.split("\\s+")) {
            List<Snippets.Snippet> these = repl.snippets().find(word);
            if (these.isEmpty()) {
                out().println("|  No snippet with ID or name: " + word);
                out().println("|  See /list, /vars, /fns or /types");
                return null;
            }
            found.addAll(these);
        }
        return found;
    }

    /** /drop ID|NAME: the snippet becomes inactive and what it declared is undefined. */
    void drop(String arg) {
        if (arg.isEmpty()) {
            out().println("|  Usage: /drop ID|NAME");
            return;
        }
        List<Snippets.Snippet> found = found(arg);
        if (found == null) {
            return;
        }
        for (Snippets.Snippet s : found) {
            if (!s.active()) {
                out().println("|  snippet " + s.id + " is not active (" + s.status.name().toLowerCase() + ")");
                continue;
            }
            s.status = Snippets.Status.DROPPED;
            String what = switch (s.kind.kind()) {
                case FUNCTION -> drop("fn", s.declares());
                case STRUCT -> drop("struct", s.declares());
                case VARIABLE -> drop("var", s.declares());
                case CONSTANT -> drop("const", s.declares());
                case DECLARATION -> s.kind.name().startsWith("thread ") ? drop("thread", s.declares()) : kept(s);
                case EXPRESSION -> repl.session().drop("var", "$" + s.id) ? "variable $" + s.id : kept(s);
                case STATEMENT -> kept(s);
            };
            out().println("|  dropped " + what);
        }
    }

    /** A kernel, a machine, a rule, a sysfs write: what it did stays; /reload replays the session without it. */
    private static String kept(Snippets.Snippet s) {
        return "snippet " + s.id + (s.kind.name().isEmpty() ? "" : " (" + s.kind.name() + ")")
                + "; what it did stays until /reload replays the active snippets";
    }

    private String drop(String kind, String name) {
        repl.session().drop(kind, name);
        return (kind.equals("var") || kind.equals("const") ? "variable" : kind) + " " + name;
    }

    /** /ID, /-N, /!: the snippet typed again (its text echoed first); it gets a new id. */
    void rerun(String command) {
        Snippets.Snippet s;
        if (command.equals("/!")) {
            s = repl.snippets().fromEnd(1);
        } else if (command.startsWith("/-")) {
            s = repl.snippets().fromEnd(Integer.parseInt(command.substring(2)));
        } else {
            List<Snippets.Snippet> found = repl.snippets().find(command.substring(1));
            s = found.isEmpty() ? null : found.getFirst();
        }
        if (s == null) {
            out().println("|  No snippet with ID: " + command.substring(1));
            return;
        }
        out().println(s.text);
        repl.evalInput(s.text);
    }

    /** /vars, /fns, /types: the session's own, or with -all the kernel model's and the builtins too. */
    void names(String command, String arg) {
        boolean all = arg.equals("-all");
        if (!all && !arg.isEmpty()) {
            out().println("|  Usage: " + command + " [-all]");
            return;
        }
        int shown = 0;
        if (command.equals("/types")) {
            List<String[]> structs = new ArrayList<>(repl.session().structs());
            structs.sort(Comparator.comparing(t -> t[0]));
            for (String[] t : structs) {
                if (all || t[2].isEmpty()) {
                    out().println("|    struct " + t[0] + " { " + t[1] + " }" + origin(t[2]));
                    shown++;
                }
            }
        } else {
            boolean fns = command.equals("/fns");
            for (String[] g : repl.globals()) {
                boolean fn = g[1].equals("fn");
                boolean builtin = Boolean.parseBoolean(g[3]);
                boolean mine = g[4].isEmpty() && !builtin;
                if (fn != fns || g[1].equals("thread") || !all && !mine) {
                    continue;
                }
                out().println(fns ? "|    " + signature(g[0]) + origin(builtin ? "builtin" : g[4]) : "|    " + g[1] + " " + g[0] + " = " + g[2] + origin(g[4]));
                shown++;
            }
        }
        if (shown == 0) {
            out().println("|  none of yours" + (all ? "" : "; " + command + " -all shows the kernel model's too"));
        }
    }

    private String signature(String fn) {
        String[] d = repl.session().describe(fn);
        return d == null ? "fn " + fn : d[0].startsWith("fn ") || d[0].startsWith("patch ") ? d[0] : "fn " + d[0];
    }

    private static String origin(String origin) {
        return origin.isEmpty() ? "" : "   (" + origin + ")";
    }
}
