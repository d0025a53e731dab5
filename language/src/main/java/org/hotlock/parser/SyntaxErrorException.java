package org.hotlock.parser;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.runtime.SourceExcerpt;

import java.io.Serial;
import java.util.List;

/**
 * A HotLock syntax error: the polyglot layer reports it as a syntax error with its source
 * location, so launchers and embedders can point at the offending text without a Java trace.
 * It carries every error the parser found (the first is the message), for tools that show more.
 */
@ExportLibrary(InteropLibrary.class)
public final class SyntaxErrorException extends AbstractTruffleException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SourceSection section;
    private final transient List<SyntaxErrorException> all;
    private final String bareMessage;
    /** True when the input ended while a construct was still open: the REPL reads more lines. */
    private final boolean incomplete;

    public SyntaxErrorException(String message, SourceSection section, boolean incomplete) {
        this(message, section, incomplete, List.of(), render(message, section));
    }

    private SyntaxErrorException(String message, SourceSection section, boolean incomplete, List<SyntaxErrorException> all, String rendered) {
        super(rendered);
        this.bareMessage = message;
        this.section = section;
        this.incomplete = incomplete;
        this.all = all;
    }

    /** This error, carrying every error found; the message renders them all, in order. */
    public SyntaxErrorException withOthers(List<SyntaxErrorException> errors) {
        StringBuilder sb = new StringBuilder();
        for (SyntaxErrorException e : errors) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(e.getMessage());
        }
        if (errors.size() > 1) {
            sb.append('\n').append(errors.size()).append(" syntax errors");
        }
        return new SyntaxErrorException(bareMessage, section, incomplete, List.copyOf(errors), sb.toString());
    }

    public String bareMessage() {
        return bareMessage;
    }

    /** {@code file:line:col: error: message}, the line (a long one cut around the column), and a caret under the column. */
    public static String render(String message, SourceSection section) {
        if (section == null) {
            return "error: " + message;
        }
        Source source = section.getSource();
        StringBuilder sb = new StringBuilder();
        sb.append(source.getName()).append(':').append(section.getStartLine()).append(':').append(section.getStartColumn())
                .append(": error: ").append(message);
        if (source.getLineCount() > 0 && section.getStartLine() <= source.getLineCount()) {
            CharSequence line = source.getCharacters(section.getStartLine());
            int length = section.getStartLine() == section.getEndLine() ? section.getCharLength() : 1;
            sb.append('\n').append(SourceExcerpt.render(line, section.getStartColumn(), length, "    "));
        }
        return sb.toString();
    }

    public SourceSection section() {
        return section;
    }

    public boolean isIncomplete() {
        return incomplete;
    }

    /** Every error found, this one first. */
    public List<SyntaxErrorException> all() {
        return all.isEmpty() ? List.of(this) : all;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incomplete;
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
}
