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

    /** Globals as [name, type, text, builtin]. */
    List<String[]> globals() {
        List<String[]> result = new ArrayList<>();
        Value globals = control.invokeMember("globals");
        for (long i = 0; i < globals.getArraySize(); i++) {
            Value global = globals.getArrayElement(i);
            result.add(new String[]{global.getArrayElement(0).asString(), global.getArrayElement(1).asString(),
                    global.getArrayElement(2).asString(), Boolean.toString(global.getArrayElement(3).asBoolean())});
        }
        return result;
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
