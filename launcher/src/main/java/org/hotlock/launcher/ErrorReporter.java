package org.hotlock.launcher;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.hotlock.runtime.SourceExcerpt;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints guest errors the way compilers do: {@code file:line:col: error: message}, the
 * offending line, a caret under the column, then the guest stack. Never a Java stack trace for
 * anything the user wrote; an internal error says it is one.
 */
public final class ErrorReporter {
    private final PrintStream err;
    private final boolean showInternalTraces;

    public ErrorReporter(PrintStream err, boolean showInternalTraces) {
        this.err = err;
        this.showInternalTraces = showInternalTraces;
    }

    /** Reports the exception; returns the exit code it calls for. */
    public int report(PolyglotException e) {
        if (e.isInternalError() || e.isHostException()) {
            err.println("hotlock: internal error: " + e.getMessage());
            if (showInternalTraces) {
                e.printStackTrace(err);
            } else {
                err.println("  (this is a bug in HotLock; run with HOTLOCK_STACKTRACE=1 to see the Java stack)");
            }
            return ExitCodes.INTERNAL;
        }
        if (e.isResourceExhausted()) {
            err.println("hotlock: error: " + (e.getMessage() == null ? "a resource limit was exhausted" : e.getMessage()));
            return ExitCodes.SCRIPT_FAILURE;
        }
        if (e.isCancelled()) {
            err.println("hotlock: cancelled");
            return ExitCodes.SCRIPT_FAILURE;
        }
        if (e.isSyntaxError()) {
            // The language renders every error it found, each with its line and caret.
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        SourceSection location = e.getSourceLocation();
        String message = e.getMessage();
        if (location != null && !message.contains(": error: ")) {
            String prefix = location.getSource().getName() + ":" + location.getStartLine() + ":" + location.getStartColumn() + ": ";
            message = message.startsWith(prefix) ? prefix + "error: " + message.substring(prefix.length()) : prefix + "error: " + message;
        } else if (location == null && !message.contains("error: ")) {
            message = "error: " + message;
        }
        err.println(message);
        if (location != null) {
            err.print(caret(location));
        }
        List<String> frames = guestFrames(e);
        if (!frames.isEmpty()) {
            err.println("guest stack:");
            int shown = Math.min(frames.size(), 25);
            for (String frame : frames.subList(0, shown)) {
                err.println("    " + frame);
            }
            if (frames.size() > shown) {
                err.println("    ... " + (frames.size() - shown) + " more frames");
            }
        }
        return ExitCodes.SCRIPT_FAILURE;
    }

    /** The guest frames, innermost first, as {@code name (file:line)}. */
    public static List<String> guestFrames(PolyglotException e) {
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (!frame.isGuestFrame()) {
                continue;
            }
            SourceSection s = frame.getSourceLocation();
            String name = frame.getRootName() == null ? "<unknown>" : frame.getRootName();
            frames.add(s == null ? name : name + " (" + s.getSource().getName() + ":" + s.getStartLine() + ")");
        }
        return frames;
    }

    /** The source line of a section (a long one cut around the column) and a caret line under it. */
    public static String caret(SourceSection section) {
        if (section == null || !section.isAvailable() || section.getSource().getLineCount() == 0) {
            return "";
        }
        int line = section.getStartLine();
        CharSequence text = section.getSource().getCharacters(line);
        int column = section.getStartColumn();
        int length = section.getEndLine() == line ? section.getCharLength() : text.length() - column + 1;
        return SourceExcerpt.render(text, column, length, "    ") + "\n";
    }
}
