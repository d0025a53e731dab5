package org.hotlock.launcher.repl;

/**
 * How much the REPL says about each snippet, as JShell's /set feedback: normal ({@code x ==> 3},
 * {@code |  created fn f}), concise (values only), verbose (values with their types and what
 * was created), silent (only errors, findings and what the script prints).
 */
enum Feedback {
    NORMAL, CONCISE, VERBOSE, SILENT;

    static Feedback of(String word) {
        for (Feedback f : values()) {
            if (f.name().equalsIgnoreCase(word)) {
                return f;
            }
        }
        return null;
    }
}
