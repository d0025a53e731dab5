package org.hotlock.launcher.repl;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's way into one context: the language's session object (spec/embedding.md), which
 * scripts cannot reach, so the REPL's plumbing is no guest builtin.
 */
final class LanguageSession {
    /** HotLockLanguage.SESSION_MIME_TYPE: the REPL reaches the language as any embedder does. */
    private static final String MIME_TYPE = "application/x-hotlock-session";

    /** Where a top-level snippet starts and ends in the input. */
    record Span(int start, int end) {
    }

    private final Value control;

    LanguageSession(Context context) {
        this.control = context.eval(Source.newBuilder("hotlock", "", "<session>").mimeType(MIME_TYPE).buildLiteral());
    }

    /** The top-level snippets of the input, without running them; a syntax error is thrown as usual. */
    List<Span> snippets(String text) {
        Value spans = control.invokeMember("snippets", text);
        List<Span> result = new ArrayList<>();
        for (long i = 0; i < spans.getArraySize(); i++) {
            Value span = spans.getArrayElement(i);
            result.add(new Span((int) span.getArrayElement(0).asLong(), (int) span.getArrayElement(1).asLong()));
        }
        return result;
    }

    /** Globals as [name, type, text, builtin, origin]; origin is "" for the session's own. */
    List<String[]> globals() {
        return rows(control.invokeMember("globals"));
    }

    /** Struct types as [name, fields, origin]; origin is "" for the session's own. */
    List<String[]> structs() {
        return rows(control.invokeMember("structs"));
    }

    /** Forgets the session's fn, var, const, thread or struct of that name; false when there was none. */
    boolean drop(String kind, String name) {
        return control.invokeMember("drop", kind, name).asBoolean();
    }

    /** [signature, documentation, where] of a function; null when the name is no function. */
    String[] describe(String name) {
        Value d = control.invokeMember("describe", name);
        return d.getArraySize() == 0 ? null : row(d);
    }

    /** Stops the running explore or pct, which then reports what it found; false when none runs. Any thread may call it. */
    boolean stopSearch() {
        return control.invokeMember("stopSearch").asBoolean();
    }

    private static List<String[]> rows(Value list) {
        List<String[]> result = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            result.add(row(list.getArrayElement(i)));
        }
        return result;
    }

    private static String[] row(Value items) {
        String[] row = new String[(int) items.getArraySize()];
        for (int j = 0; j < row.length; j++) {
            Value item = items.getArrayElement(j);
            row[j] = item.isString() ? item.asString() : item.toString();
        }
        return row;
    }

    void setGlobal(String name, Value value) {
        control.invokeMember("setGlobal", name, value);
    }

    /** What the checks find from now on is the coming snippet's. */
    void beginSnippet() {
        control.invokeMember("beginSnippet");
    }

    /** The findings since beginSnippet() not shown yet, as text ("" if none); they count as shown. */
    String newFindings() {
        return control.invokeMember("newFindings").asString();
    }

    /** The kernel's machine, blocks, locks, rules, last failing trace or threads, as text. */
    String status(String what) {
        return control.invokeMember("status", what).asString();
    }
}
