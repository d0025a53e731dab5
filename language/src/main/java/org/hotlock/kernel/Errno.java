package org.hotlock.kernel;

/** The errno values the models and the simulated system calls return (negated). */
public final class Errno {
    public static final int ENOENT = 2;
    public static final int E2BIG = 7;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ERESTARTNOINTR = 513;

    private Errno() {
    }
}
