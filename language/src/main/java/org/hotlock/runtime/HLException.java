package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleStackTrace;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
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
    private final transient SourceSection section;

    @TruffleBoundary
    public HLException(String message, Node location) {
        this(message, location, 1);
    }

    @TruffleBoundary
    public HLException(String message, Node location, int exitCode) {
        this(message, location, exitCode, sectionOf(location));
    }

    private HLException(String message, Node location, int exitCode, SourceSection section) {
        super(locate(message, section), location);
        this.bareMessage = message;
        this.exitCode = exitCode;
        this.section = section;
    }

    public String bareMessage() {
        return bareMessage;
    }

    /** The exit code a launcher should use when this error ends a script. */
    public int exitCode() {
        return exitCode;
    }

    /**
     * Where the error is reported: the node's own source, or, for a node without one (a
     * builtin's body), the innermost guest call site that has a source.
     */
    @TruffleBoundary
    private static SourceSection sectionOf(Node location) {
        SourceSection section = location == null ? null : location.getEncapsulatingSourceSection();
        if (section != null && section.isAvailable()) {
            return section;
        }
        SourceSection[] found = new SourceSection[1];
        Truffle.getRuntime().iterateFrames(frame -> {
            Node call = frame.getCallNode();
            SourceSection s = call == null ? null : call.getEncapsulatingSourceSection();
            if (s != null && s.isAvailable()) {
                found[0] = s;
                return s;
            }
            return null;
        });
        return found[0];
    }

    @TruffleBoundary
    /**
     * Builds, once per JVM, an error's location for a made-up source: a stack overflow's
     * error is built where the stack ran out, and the classes it needs (a source's line map
     * among them) must not be initialised for the first time there. A class whose
     * initialisation overflowed the stack stays unusable for the JVM's life, and the error's
     * report then failed with a NoClassDefFoundError of Truffle's TextMap instead.
     */
    public static void prepareForStackOverflow() {
        if (!prepared) {
            SourceSection section = Source.newBuilder("hotlock", "x", "prepared").build().createSection(0, 1);
            locate("", section);
            prepared = true;
        }
    }

    private static volatile boolean prepared;

    private static String locate(String message, SourceSection section) {
        if (section == null || !section.isAvailable()) {
            return message;
        }
        // StringBuilder, not '+': this runs when the stack has overflowed, and a string
        // concatenation's first use needs stack to bootstrap
        return new StringBuilder(section.getSource().getName()).append(':').append(section.getStartLine()).append(':')
                .append(section.getStartColumn()).append(": error: ").append(message).toString();
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
    boolean hasSourceLocation() {
        return section != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection sourceLocation() throws UnsupportedMessageException {
        if (section == null) {
            throw UnsupportedMessageException.create();
        }
        return section;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
