package org.hotlock.launcher;

/** The exit codes a CI job can rely on. */
public final class ExitCodes {
    /** Every script ran and met its expectations. */
    public static final int SUCCESS = 0;
    /** A script failed: a guest error, a kernel BUG, an unmet expectation. */
    public static final int SCRIPT_FAILURE = 1;
    /** Bad command line, missing file, or a syntax error. */
    public static final int USAGE = 2;
    /** A bug in HotLock itself. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
