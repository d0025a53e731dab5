package org.hotlock.session;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.hotlock.check.FindingPrinter;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.HLList;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the REPL, and any embedder, needs of a context that scripts must not call: where each
 * top-level snippet of an input starts and ends, the globals with their types, defining
 * {@code $1}, and the kernel's state as text. A script has no way to evaluate a source of
 * {@code application/x-hotlock-session}, so it cannot reach this object; an embedder gets it,
 * one per context, by evaluating an empty source of that MIME type.
 */
@ExportLibrary(InteropLibrary.class)
public final class SessionControl implements TruffleObject {
    /** {@code snippets(text)}: {@code [start, end]} of each top-level snippet; a syntax error is raised as usual. */
    static final String SNIPPETS = "snippets";
    /** {@code globals()}: {@code [name, type, text, builtin, origin]} of every defined global; origin is "" for a script's. */
    static final String GLOBALS = "globals";
    /** {@code setGlobal(name, value)}: defines a global variable; returns the value. */
    static final String SET_GLOBAL = "setGlobal";
    /** {@code status(what)}: machine, blocks, locks, rules, trace or threads, as text. */
    static final String STATUS = "status";
    /** {@code beginSnippet()}: what the checks find from now on is the coming snippet's. */
    static final String BEGIN_SNIPPET = "beginSnippet";
    /** {@code newFindings()}: the findings since {@code beginSnippet()} not printed yet, as text ("" if none); marks them printed. */
    static final String NEW_FINDINGS = "newFindings";
    /** {@code structs()}: {@code [name, fields, origin]} of every struct type; origin is "" for a script's. */
    static final String STRUCTS = "structs";
    /** {@code drop(kind, name)}: forgets a script's fn, var, const, thread or struct; false when there was none. */
    static final String DROP = "drop";
    /** {@code describe(name)}: {@code [signature, documentation, where]} of a function; empty when the name is no function. */
    static final String DESCRIBE = "describe";
    /** {@code stopSearch()}, from any thread: the running explore or pct stops and reports what it found; false when none runs. */
    static final String STOP_SEARCH = "stopSearch";
    /** {@code onProgress(fn)}: fn gets a {@code progress} struct during each exploration and PCT (null: none). */
    static final String ON_PROGRESS = "onProgress";
    private static final List<String> MEMBERS = List.of(SNIPPETS, GLOBALS, SET_GLOBAL, STATUS, BEGIN_SNIPPET, NEW_FINDINGS, STRUCTS, DROP,
            DESCRIBE, STOP_SEARCH, ON_PROGRESS);

    /** Where each top-level snippet of a text starts and ends: the parser's knowledge, handed down by the language. */
    public interface SnippetSplitter {
        /** {@code [start, end]} of each top-level snippet; a syntax error is thrown as the parser throws it. */
        List<int[]> spans(String text);
    }

    private final HotLockContext context;
    private final SnippetSplitter splitter;

    SessionControl(HotLockContext context, SnippetSplitter splitter) {
        this.context = context;
        this.splitter = splitter;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new HLList(new ArrayList<Object>(MEMBERS));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        return MEMBERS.contains(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        switch (member) {
            case SNIPPETS -> {
                checkArity(arguments, 1);
                return snippetSpans(stringArgument(arguments, 0));
            }
            case GLOBALS -> {
                checkArity(arguments, 0);
                return SessionGlobals.describe(context);
            }
            case SET_GLOBAL -> {
                checkArity(arguments, 2);
                return SessionGlobals.define(context, stringArgument(arguments, 0), arguments[1]);
            }
            case STATUS -> {
                checkArity(arguments, 1);
                return KernelStatus.text(context, stringArgument(arguments, 0));
            }
            case BEGIN_SNIPPET -> {
                checkArity(arguments, 0);
                if (context.checks() != null) {
                    context.checks().findings().beginScope();
                }
                return true;
            }
            case NEW_FINDINGS -> {
                checkArity(arguments, 0);
                if (context.checks() == null) {
                    return "";
                }
                StringWriter text = new StringWriter();
                FindingPrinter.printNew(new PrintWriter(text), "findings", context.checks().findings());
                return text.toString();
            }
            case STRUCTS -> {
                checkArity(arguments, 0);
                return SessionGlobals.structs(context);
            }
            case DROP -> {
                checkArity(arguments, 2);
                return context.drop(stringArgument(arguments, 0), stringArgument(arguments, 1));
            }
            case DESCRIBE -> {
                checkArity(arguments, 1);
                return SessionDocs.describe(context, stringArgument(arguments, 0));
            }
            case STOP_SEARCH -> {
                checkArity(arguments, 0);
                return context.limits().requestStop();
            }
            case ON_PROGRESS -> {
                checkArity(arguments, 1);
                InteropLibrary interop = InteropLibrary.getUncached();
                if (!interop.isNull(arguments[0]) && !interop.isExecutable(arguments[0])) {
                    throw UnsupportedTypeException.create(arguments, "argument 1 must be a function or null");
                }
                context.setProgressListener(interop.isNull(arguments[0]) ? null : arguments[0]);
                return true;
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "HotLock session control";
    }

    /** Parses without running, as the REPL must split an input before it evaluates each snippet on its own. */
    private HLList snippetSpans(String text) {
        HLList spans = new HLList();
        for (int[] span : splitter.spans(text)) {
            spans.add(new HLList(List.of((long) span[0], (long) span[1])));
        }
        return spans;
    }

    private static void checkArity(Object[] arguments, int expected) throws ArityException {
        if (arguments.length != expected) {
            throw ArityException.create(expected, expected, arguments.length);
        }
    }

    private static String stringArgument(Object[] arguments, int index) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached();
        if (!interop.isString(arguments[index])) {
            throw UnsupportedTypeException.create(arguments, "argument " + (index + 1) + " must be a string");
        }
        try {
            return interop.asString(arguments[index]);
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(arguments, "argument " + (index + 1) + " must be a string");
        }
    }
}
