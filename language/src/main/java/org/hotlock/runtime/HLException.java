package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleStackTrace;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest error: a type error, a failed kernel assertion, a limit reached. It carries the node
 * where it happened, so its message starts with {@code file:line:col} and Truffle records the
 * guest stack (function, file:line) through every kernel model frame.
 */
@ExportLibrary(InteropLibrary.class)
public class HLException extends AbstractTruffleException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String bareMessage;
    private final int exitCode;

    @TruffleBoundary
    public HLException(String message, Node location) {
        this(message, location, 1);
    }

    @TruffleBoundary
    public HLException(String message, Node location, int exitCode) {
        super(locate(message, location), location);
        this.bareMessage = message;
        this.exitCode = exitCode;
    }

    public String bareMessage() {
        return bareMessage;
    }

    /** The exit code a launcher should use when this error ends a script. */
    public int exitCode() {
        return exitCode;
    }

    @TruffleBoundary
    private static String locate(String message, Node location) {
        SourceSection section = location == null ? null : location.getEncapsulatingSourceSection();
        if (section == null || !section.isAvailable()) {
            return message;
        }
        return section.getSource().getName() + ":" + section.getStartLine() + ":" + section.getStartColumn() + ": error: " + message;
    }

    /** The guest frames, innermost first: {@code online_pages (kernel/4.19/memory_hotplug.hlk:212)}. */
    @TruffleBoundary
    public List<String> guestFrames() {
        List<String> frames = new ArrayList<>();
        for (TruffleStackTraceElement e : TruffleStackTrace.getStackTrace(this)) {
            frames.add(GuestStack.describe(e));
        }
        return frames;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
