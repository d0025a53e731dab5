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
    /**
     * No failure, but an expectation an incomplete search (a bound, a limit, PCT) could not
     * settle: it cannot show that something does not happen.
     */
    public static final int INCONCLUSIVE = 4;

    private ExitCodes() {
    }

    /** The worse of two outcomes: an internal error, then usage, a failure, inconclusive, success. */
    public static int worse(int a, int b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(int code) {
        return switch (code) {
            case SUCCESS -> 0;
            case INCONCLUSIVE -> 1;
            case SCRIPT_FAILURE -> 2;
            case USAGE -> 3;
            default -> 4;
        };
    }
}
