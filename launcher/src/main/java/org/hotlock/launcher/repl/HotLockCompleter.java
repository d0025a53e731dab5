package org.hotlock.launcher.repl;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tab completion: slash commands at the start of a line; sysfs paths inside a path; otherwise
 * keywords, declarations, the session's names, kernel model functions, builtins and locks.
 */
final class HotLockCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("fn", "var", "const", "if", "else", "while", "for", "in", "return", "break",
            "continue", "true", "false", "null", "struct", "new", "kernel", "machine", "thread", "run", "explore", "pct",
            "expect", "rule", "shared", "patch");

    private final Repl repl;

    HotLockCompleter(Repl repl) {
        this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.line(), line.cursor())) {
            candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("/")));
        }
    }

    /** The completions of the word that ends at the cursor. */
    List<String> candidates(String text, int cursor) {
        String before = text.substring(0, cursor);
        String word = before.replaceAll("^.*[ \\t\\n(),\\[\\]{}\"]", "");
        Set<String> result = new TreeSet<>();
        if (before.stripLeading().startsWith("/") && !before.contains(" ") && before.strip().equals(word)) {
            for (String c : Commands.NAMES) {
                if (c.startsWith(word)) {
                    result.add(c);
                }
            }
            return new ArrayList<>(result);
        }
        if (word.startsWith("/")) {
            for (String path : repl.sysfsPaths()) {
                if (path.startsWith(word)) {
                    // complete one directory level at a time, as a shell does
                    int slash = path.indexOf('/', word.length());
                    result.add(slash < 0 ? path : path.substring(0, slash + 1));
                }
            }
            return new ArrayList<>(result);
        }
        for (String k : KEYWORDS) {
            if (k.startsWith(word)) {
                result.add(k);
            }
        }
        for (String[] g : repl.globals()) {
            if (g[0].startsWith(word)) {
                result.add(g[0]);
            }
        }
        return new ArrayList<>(result);
    }
}
