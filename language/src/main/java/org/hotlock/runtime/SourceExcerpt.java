package org.hotlock.runtime;

/**
 * The source line an error points at, with a caret under the column, as compilers print it. A
 * line longer than {@value #WIDTH} characters is cut to a window around the column, each cut
 * end marked "...": a 10 000-character line is not echoed whole.
 */
public final class SourceExcerpt {
    /** The most characters of a line shown. */
    public static final int WIDTH = 100;
    /** How many characters of the window come before the column, when the line is cut. */
    private static final int BEFORE = 40;
    private static final String CUT = "...";

    private SourceExcerpt() {
    }

    /**
     * {@code indent}, the line (or its window), a newline, {@code indent}, the caret under the
     * column (1-based) and {@code ~} under the rest of the {@code length} characters it marks
     * (at most 80), without a final newline.
     */
    public static String render(CharSequence line, int column, int length, String indent) {
        int start = 0;
        int end = line.length();
        if (end > WIDTH) {
            start = Math.max(0, Math.min(column - 1 - BEFORE, end - WIDTH));
            end = start + WIDTH;
        }
        StringBuilder sb = new StringBuilder(indent);
        if (start > 0) {
            sb.append(CUT);
        }
        sb.append(line, start, end);
        if (end < line.length()) {
            sb.append(CUT);
        }
        sb.append('\n').append(indent);
        if (start > 0) {
            sb.append(" ".repeat(CUT.length()));
        }
        for (int i = start; i < column - 1 && i < end; i++) {
            sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        int marked = Math.min(Math.min(length, 80), Math.max(1, end - (column - 1)));
        for (int i = 1; i < marked; i++) {
            sb.append('~');
        }
        return sb.toString();
    }
}
