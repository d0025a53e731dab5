package org.hotlock;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.SharedAccessListener;
import org.hotlock.runtime.StructType;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HotLock world: its global variables and functions, its struct types and (from the kernel
 * issues on) its simulated kernel. Contexts of one engine share code, never state.
 */
public final class HotLockContext {
    private static final TruffleLanguage.ContextReference<HotLockContext> REFERENCE =
            TruffleLanguage.ContextReference.create(HotLockLanguage.class);

    /** Marks a global slot that was never assigned. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "<undefined>";
        }
    };

    private final HotLockLanguage language;
    private final TruffleLanguage.Env env;
    private final PrintWriter out;
    private final PrintWriter err;
    private Object[] globals = new Object[64];
    private boolean[] constants = new boolean[64];
    private final Map<String, StructType> structs = new LinkedHashMap<>();
    private SharedAccessListener sharedAccessListener;
    private org.hotlock.kernel.Kernel kernel;
    private final Map<String, org.hotlock.sched.ThreadSpec> threads = new LinkedHashMap<>();
    private boolean scenarioRan;

    HotLockContext(HotLockLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.out = new PrintWriter(env.out(), true);
        this.err = new PrintWriter(env.err(), true);
        Arrays.fill(globals, UNDEFINED);
    }

    /** The simulated kernel, once a script declared {@code kernel "..."}; null before. */
    public org.hotlock.kernel.Kernel kernel() {
        return kernel;
    }

    public void setKernel(org.hotlock.kernel.Kernel kernel) {
        this.kernel = kernel;
    }

    /** Declares (or redeclares) a guest thread; declared threads run together in a scenario. */
    @TruffleBoundary
    public void declareThread(org.hotlock.sched.ThreadSpec thread) {
        threads.put(thread.name(), thread);
    }

    @TruffleBoundary
    public java.util.List<org.hotlock.sched.ThreadSpec> declaredThreads() {
        return java.util.List.copyOf(threads.values());
    }

    private org.hotlock.sched.ScenarioRunner.Report lastReport;

    /** The report of the last scenario run, for the REPL's /trace. */
    public org.hotlock.sched.ScenarioRunner.Report lastReport() {
        return lastReport;
    }

    public void setLastReport(org.hotlock.sched.ScenarioRunner.Report report) {
        this.lastReport = report;
    }

    public boolean scenarioRan() {
        return scenarioRan;
    }

    public void setScenarioRan(boolean ran) {
        this.scenarioRan = ran;
    }

    public void setSharedAccessListener(SharedAccessListener listener) {
        this.sharedAccessListener = listener;
    }

    /** Called by field nodes for fields declared shared; rare enough to stay out of compiled code. */
    @TruffleBoundary
    public void sharedAccess(Node location, HLObject object, int field, boolean write, Object value) {
        SharedAccessListener listener = sharedAccessListener;
        if (listener != null) {
            listener.onSharedAccess(location, object, field, write, value);
        }
    }

    private int callDepth;
    private int maxCallDepth = -1;

    /**
     * Counts a guest call; true when it goes past the limit. The count covers every guest
     * thread of the context together (they share the host thread's stack, one at a time).
     */
    public boolean enterCall() {
        if (maxCallDepth < 0) {
            maxCallDepth = env.getOptions().get(HotLockLanguage.MaxCallDepth);
        }
        return ++callDepth > maxCallDepth;
    }

    public void exitCall() {
        callDepth--;
    }

    /** The guest call depth now: the scheduler restores it when an execution ends. */
    public int callDepth() {
        return callDepth;
    }

    /**
     * Back to a depth saved before: guest threads an execution leaves unfinished (deadlocked,
     * cut off by a sleep set or the step bound) never return from their calls.
     */
    public void restoreCallDepth(int depth) {
        callDepth = depth;
    }

    @TruffleBoundary
    public String callDepthMessage() {
        return "stack overflow: guest calls nested deeper than " + maxCallDepth
                + " (endless recursion?); raise the limit with --max-call-depth N (the hotlock.MaxCallDepth option)";
    }

    public static HotLockContext get(Node node) {
        return REFERENCE.get(node);
    }

    public HotLockLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Reads a global; {@link #UNDEFINED} when it was never set. */
    public Object readGlobal(int index) {
        Object[] g = globals;
        return index < g.length ? g[index] : UNDEFINED;
    }

    public void writeGlobal(int index, Object value) {
        if (index >= globals.length) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            grow(index);
        }
        globals[index] = value;
    }

    public boolean isConstant(int index) {
        return index < constants.length && constants[index];
    }

    @TruffleBoundary
    public void defineConstant(int index, Object value) {
        writeGlobal(index, value);
        constants[index] = true;
    }

    @TruffleBoundary
    private void grow(int index) {
        int size = Math.max(index + 1, globals.length * 2);
        int old = globals.length;
        globals = Arrays.copyOf(globals, size);
        constants = Arrays.copyOf(constants, size);
        Arrays.fill(globals, old, size, UNDEFINED);
    }

    /** A copy of every global slot, for restoring the state an exploration starts from. */
    @TruffleBoundary
    public Object[] saveGlobals() {
        return globals.clone();
    }

    @TruffleBoundary
    public void restoreGlobals(Object[] saved) {
        if (globals.length < saved.length) {
            grow(saved.length - 1);
        }
        System.arraycopy(saved, 0, globals, 0, saved.length);
        java.util.Arrays.fill(globals, saved.length, globals.length, UNDEFINED);
    }

    @TruffleBoundary
    public Object lookup(String name) {
        return readGlobal(language.globalIndex(name));
    }

    /** Defines (or redefines) a function; returns the one it replaced, if any. */
    @TruffleBoundary
    public Object defineFunction(HLFunction function) {
        int index = language.globalIndex(function.name());
        Object old = readGlobal(index);
        if (kernel != null && kernel.rules().watchesCall(function.name())) {
            function.setWatched(true);
        }
        writeGlobal(index, function);
        return old;
    }

    @TruffleBoundary
    public StructType struct(String name) {
        return structs.get(name);
    }

    /** Defines (or redefines) a struct type; returns the one it replaced, if any. */
    @TruffleBoundary
    public StructType defineStruct(StructType type) {
        return structs.put(type.name(), type);
    }

    @TruffleBoundary
    public Map<String, StructType> structs() {
        return Map.copyOf(structs);
    }

    /** Names of every defined global, in no particular order: for completion and /vars. */
    @TruffleBoundary
    public Map<String, Object> definedGlobals() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < globals.length; i++) {
            if (globals[i] != UNDEFINED) {
                result.put(nameOf(i), globals[i]);
            }
        }
        return result;
    }

    private String nameOf(int index) {
        return language.globalName(index);
    }
}
