package org.hotlock.launcher.repl;

import org.graalvm.polyglot.PolyglotException;

/**
 * A function's signature and documentation as the REPL shows them on Tab and Shift-Tab: the
 * session's describe() (spec/embedding.md) gives the declaration line and the comment above
 * it, for the user's functions, the kernel model's and the builtins.
 */
final class FunctionDocs {
    private FunctionDocs() {
    }

    /** The function whose call's parentheses the text ends inside ({@code f(1, } gives f), or null. */
    static String calledAt(String before) {
        int depth = 0;
        for (int i = before.length() - 1; i >= 0; i--) {
            char c = before.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return nameEndingAt(before, i);
                }
                depth--;
            }
        }
        return null;
    }

    /** The name the cursor is on or just after, or null. */
    static String nameAt(String buffer, int cursor) {
        int end = cursor;
        while (end < buffer.length() && isNamePart(buffer.charAt(end))) {
            end++;
        }
        return nameEndingAt(buffer, end);
    }

    private static String nameEndingAt(String text, int end) {
        int start = end;
        while (start > 0 && isNamePart(text.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : text.substring(start, end);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    /** "Signatures:", the signature with the comment's first line, and the hint; null when the name is no function. */
    static String signatures(Repl repl, String name) {
        String[] d = describe(repl, name);
        if (d == null) {
            return null;
        }
        String first = d[1].lines().findFirst().orElse("");
        return "Signatures:\n" + d[0] + (first.isEmpty() ? "" : "  -- " + first) + "\n\n<press tab again to see documentation>";
    }

    /** The signature, where it is declared and its whole comment; null when the name is no function. */
    static String documentation(Repl repl, String name) {
        String[] d = describe(repl, name);
        if (d == null) {
            return null;
        }
        return d[0] + (d[2].isEmpty() ? "" : "   (" + d[2] + ")") + "\n" + (d[1].isEmpty() ? "(no comment above its declaration)" : d[1]);
    }

    /** {@code sysfs.read} is the builtin behind the member. */
    private static String[] describe(Repl repl, String name) {
        try {
            String[] d = repl.session().describe(name);
            if (d == null && name.contains(".")) {
                String target = repl.memberFunction(name);
                d = target == null ? null : repl.session().describe(target);
            }
            return d;
        } catch (PolyglotException e) {
            return null;
        }
    }
}
