package org.hotlock.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzzers look for in what HotLock printed: a Java stack trace or an internal error,
 * which no input may cause (spec/limits.md). Every other message is an answer.
 */
final class Printed {
    /** A Java frame, an uncaught exception, or the launcher's and the REPL's "internal error". */
    private static final Pattern INTERNAL = Pattern.compile(
            "(?m)^\\s+at [a-z][\\w.$]*\\(|Exception in thread|hotlock: internal error|\\b(java|org\\.graalvm|org\\.jline)\\.[\\w.]*(Exception|Error)\\b");

    private Printed() {
    }

    /** The line of the text that shows an internal error or a Java trace; null when there is none. */
    static String internalError(String text) {
        Matcher m = INTERNAL.matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = text.lastIndexOf('\n', m.start()) + 1;
        int end = text.indexOf('\n', m.end());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
