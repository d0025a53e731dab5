package org.hotlock.sched;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.debug.Debugger;
import org.graalvm.polyglot.SandboxPolicy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a debugger session is attached to a context's engine (the Chrome inspector, or a
 * program through the Debugger API). Truffle's debugger keeps its stepping state per host
 * thread: guest threads that take turns as continuations on one host thread would look like
 * one thread to it, and a step over a scheduling point would stop in whichever guest thread
 * ran next. While a session is attached the scheduler runs guest threads as Truffle threads
 * instead, one host thread each; it hands them the baton in the same order, so the schedule
 * is the same.
 */
final class Debuggers {
    /** Found once per context: the lookup walks the engine's instruments. */
    private static final Map<TruffleLanguage.Env, Debugger> FOUND = new WeakHashMap<>();
    /** Contexts told that their debugger cannot step guest threads apart. */
    private static final Map<TruffleLanguage.Env, Boolean> WARNED = new WeakHashMap<>();

    private Debuggers() {
    }

    static boolean attached(TruffleLanguage.Env env) {
        if (env == null || env.getSandboxPolicy() != SandboxPolicy.TRUSTED) {
            // the debugger is an instrument of trusted engines only; asking for it elsewhere fails
            return false;
        }
        Debugger debugger;
        synchronized (FOUND) {
            debugger = FOUND.computeIfAbsent(env, Debugger::find);
        }
        return debugger != null && debugger.getSessionCount() > 0;
    }

    /** Once per context: a debugger is attached, but the guest threads cannot have host threads of their own. */
    static void warnContinuations(TruffleLanguage.Env env) {
        synchronized (WARNED) {
            if (WARNED.put(env, Boolean.TRUE) != null) {
                return;
            }
        }
        PrintStream err = new PrintStream(env.err(), true, StandardCharsets.UTF_8);
        err.println("hotlock: warning: a debugger is attached, but this context may not create threads: guest threads run as "
                + "continuations of one host thread, and a step over a scheduling point may stop in another guest thread "
                + "(allow threads: Context.Builder.allowCreateThread(true))");
    }
}
