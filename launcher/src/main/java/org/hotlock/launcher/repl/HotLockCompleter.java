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
 * Tab completion: slash commands at the start of a line; the sysfs files that exist now inside
 * a path; an object's members after {@code NAME.} ({@code sysfs.} offers its operations);
 * otherwise keywords, declarations, the session's names, kernel model functions, builtins and
 * locks. Inside a call's parentheses, Tab shows the function's signature and the first line of
 * its comment, a second Tab (or Shift-Tab anywhere on the name) its whole documentation, as
 * JShell does.
 */
final class HotLockCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("fn", "var", "const", "if", "else", "while", "for", "in", "return", "break",
            "continue", "true", "false", "null", "struct", "new", "kernel", "machine", "thread", "run", "explore", "pct",
            "expect", "rule", "shared", "patch");

    private final Repl repl;
    /** The line and cursor of the last Tab that showed a signature: a second Tab there shows the documentation. */
    private String lastSignatureAt;

    HotLockCompleter(Repl repl) {
        this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        String called = FunctionDocs.calledAt(before);
        if (called != null && line.word().isEmpty()) {
            String at = line.line() + "\u0000" + line.cursor();
            boolean second = at.equals(lastSignatureAt);
            String text = second ? FunctionDocs.documentation(repl, called) : FunctionDocs.signatures(repl, called);
            if (text != null) {
                lastSignatureAt = second ? null : at;
                reader.printAbove(text);
            }
            return; // not every name of the session: an argument is typed, not chosen from hundreds
        }
        lastSignatureAt = null;
        for (String c : candidates(line.line(), line.cursor())) {
            // a path (inside its string) or an object's member (before its parenthesis) goes on: no space after it
            boolean goesOn = c.startsWith("/") && !Commands.NAMES.contains(c) || c.indexOf('.') > 0;
            candidates.add(new Candidate(c, c, null, null, null, null, !goesOn));
        }
    }

    /** Shift-Tab: the documentation of the function named at the cursor, or of the call it is in. */
    void showDocumentation(LineReader reader) {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        String name = FunctionDocs.nameAt(buffer, cursor);
        String text = name == null ? null : FunctionDocs.documentation(repl, name);
        if (text == null) {
            String called = FunctionDocs.calledAt(buffer.substring(0, cursor));
            text = called == null ? null : FunctionDocs.documentation(repl, called);
        }
        reader.printAbove(text == null ? "no function at the cursor" : text);
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
        int dot = word.lastIndexOf('.');
        if (dot > 0 && !word.startsWith("/")) {
            String receiver = word.substring(0, dot);
            for (String member : repl.members(receiver)) {
                if (member.startsWith(word.substring(dot + 1))) {
                    result.add(receiver + "." + member);
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
