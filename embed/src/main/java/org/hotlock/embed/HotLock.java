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
    private HotLock() {
    }

    /** A session whose guest output (print, reports) goes to standard output. */
    public static Session session() {
        return session(System.out);
    }

    /** A session whose guest output goes to the stream given. */
    public static Session session(OutputStream out) {
        return new Session(Context.newBuilder("hotlock").out(out).err(out).allowCreateThread(true)
                .option("engine.WarnInterpreterOnly", "false").build());
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
