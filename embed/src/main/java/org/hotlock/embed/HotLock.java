package org.hotlock.embed;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

import java.io.OutputStream;

/**
 * The easy way into HotLock from Java (or jshell), for those who do not want the raw polyglot
 * API:
 *
 * <pre>{@code
 * try (Session s = HotLock.session()) {
 *     s.eval("kernel \"4.19\"");
 *     s.eval("machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }");
 *     s.eval("thread admin { sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"1\") }");
 *     Report r = s.explore("admin");
 *     r.findings().forEach(f -> System.out.println(f.category()));
 * }
 * }</pre>
 *
 * Guest threads run as {@code jdk.internal.vm.Continuation}s: the JVM needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} for scenarios.
 */
public final class HotLock {
    /** The engine of the sessions made here: every session after the first reuses its compiled code. */
    private static Engine engine;

    private HotLock() {
    }

    /**
     * The engine {@link #session()} and {@link #session(OutputStream)} share, made on first use
     * and kept for the life of the JVM (sessions share compiled code through it, never kernel state).
     */
    public static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build();
        }
        return engine;
    }

    /** A session whose guest output (print, reports) goes to standard output. */
    public static Session session() {
        return session(System.out);
    }

    /** A session whose guest output goes to the stream given, on the shared {@link #engine()}. */
    public static Session session(OutputStream out) {
        return session(engine(), out);
    }

    /**
     * A session in a shared engine: sessions of one engine share compiled code, never
     * kernel state.
     */
    public static Session session(Engine engine, OutputStream out) {
        return new Session(Context.newBuilder("hotlock").engine(engine).out(out).err(out).allowCreateThread(true).build());
    }

    /** A session on a context the caller built (options, sandbox policy, limits). */
    public static Session session(Context context) {
        return new Session(context);
    }
}
