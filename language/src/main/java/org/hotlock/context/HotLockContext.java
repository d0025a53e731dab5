package org.hotlock.context;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import org.hotlock.check.Checks;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelTypes;
import org.hotlock.runtime.GuestLimits;
import org.hotlock.runtime.GlobalNames;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.SharedAccessListener;
import org.hotlock.runtime.StructType;
import org.hotlock.runtime.ThreadSpec;
import org.hotlock.sched.ScenarioReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HotLock world: its global variables and functions, its struct types, its declared
 * threads and, once a script declares one, its simulated kernel with the checkers listening to
 * it. Contexts of one engine share code, never state. Nodes reach the context of the thread
 * they run on through their root node; this class knows neither the nodes nor the language.
 */
public final class HotLockContext {
    /** Marks a global slot that was never assigned. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "<undefined>";
        }
    };

    private final TruffleLanguage.Env env;
    private final GlobalNames globalNames;
    private final PrintWriter out;
    private final PrintWriter err;
    private final GuestLimits limits;
    private Object[] globals = new Object[64];
    private boolean[] constants = new boolean[64];
    /** Where the kernel model defined each global (its source line), by index; null for a script's own. */
    private String[] modelOrigins = new String[64];
    /** The kernel model's struct types, by name, and where each was declared. */
    private final Map<String, String> modelStructs = new LinkedHashMap<>();
    private final Map<String, StructType> structs = new LinkedHashMap<>();
    private final Map<String, ThreadSpec> threads = new LinkedHashMap<>();
    private SharedAccessListener sharedAccessListener;
    private Kernel kernel;
    private Checks checks;
    private boolean scenarioRan;
    /** The last identity given to an object that existed when a scenario started (see Snapshot). */
    private long setupIdentities;
    private ScenarioReport lastReport;
    /** The sources run at the top level, in order: what a worker of a search runs to reach the same state. */
    private final List<Source> programs = new ArrayList<>();
    private int programDepth;
    private boolean programsReplayable = true;
    private int scenarios;
    private final KernelTypes kernelTypes;

    public HotLockContext(TruffleLanguage.Env env, GlobalNames globalNames, KernelTypes kernelTypes) {
        this.env = env;
        this.globalNames = globalNames;
        this.kernelTypes = kernelTypes;
        this.out = new PrintWriter(env.out(), true);
        this.err = new PrintWriter(env.err(), true);
        this.limits = new GuestLimits(env.getOptions().get(HotLockOptions.MaxCallDepth), env.getOptions().get(HotLockOptions.StatementLimit));
        Arrays.fill(globals, UNDEFINED);
    }

    /** The kernel's struct layouts: the language's, the same objects in every context. */
    public KernelTypes kernelTypes() {
        return kernelTypes;
    }

    /** The simulated kernel, once a script declared {@code kernel "..."}; null before. */
    public Kernel kernel() {
        return kernel;
    }

    /** The checkers listening to the kernel; null before a kernel is declared. */
    public Checks checks() {
        return checks;
    }

    /** The kernel is loaded: its checkers listen to it and shared fields report to it. */
    public void setKernel(Kernel kernel, Checks checks) {
        this.kernel = kernel;
        this.checks = checks;
        kernel.addListener(checks);
        this.sharedAccessListener = kernel::onSharedAccess;
    }

    /** Declares (or redeclares) a guest thread; declared threads run together in a scenario. */
    @TruffleBoundary
    public void declareThread(ThreadSpec thread) {
        threads.put(thread.name(), thread);
    }

    @TruffleBoundary
    public List<ThreadSpec> declaredThreads() {
        return List.copyOf(threads.values());
    }

    /** An embedder's executable that takes the progress of each search (null: none; see ProgressReports). */
    private Object progressListener;

    public Object progressListener() {
        return progressListener;
    }

    public void setProgressListener(Object listener) {
        this.progressListener = listener;
    }

    /** The report of the last scenario run, for the REPL's /trace and embedders. */
    public ScenarioReport lastReport() {
        return lastReport;
    }

    public void setLastReport(ScenarioReport report) {
        this.lastReport = report;
    }

    /**
     * A program starts: one at the top level (not a kernel model a script loads) is kept, in
     * order, and has the whole statement limit.
     */
    public void programStarted(Source source) {
        if (programDepth++ == 0) {
            limits.startSource();
            if (source == null) {
                programsReplayable = false;
            } else {
                programs.add(source);
            }
        }
    }

    public void programEnded() {
        programDepth--;
    }

    /**
     * The sources this context ran at the top level, in order, if running them again in a new
     * context builds the same state; null when something else ran (a host calling in).
     */
    public List<Source> programs() {
        return programsReplayable ? List.copyOf(programs) : null;
    }

    /** Numbers the scenarios a context runs: a worker of a search serves the one with the search's number. */
    public int nextScenarioIndex() {
        return scenarios++;
    }

    /** How many objects that existed when a scenario started have been given an identity. */
    public long setupIdentities() {
        return -setupIdentities;
    }

    /** A new identity for an object made outside any execution: negative, counting down. */
    public long newSetupIdentity() {
        return --setupIdentities;
    }

    public boolean scenarioRan() {
        return scenarioRan;
    }

    public void setScenarioRan(boolean ran) {
        this.scenarioRan = ran;
    }

    /** Called by field nodes for fields declared shared; rare enough to stay out of compiled code. */
    @TruffleBoundary
    public void sharedAccess(Node location, HLObject object, int field, boolean write, Object value) {
        SharedAccessListener listener = sharedAccessListener;
        if (listener != null) {
            listener.onSharedAccess(location, object, field, write, value);
        }
    }

    /** The guest call depth and statement count of this context, against their limits. */
    public GuestLimits limits() {
        return limits;
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

    /** The index of a global name, the same in every context of the engine. */
    public int globalIndex(String name) {
        return globalNames.indexOf(name);
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
        modelOrigins = Arrays.copyOf(modelOrigins, size);
        Arrays.fill(globals, old, size, UNDEFINED);
    }

    /** The global is the kernel model's, defined at {@code origin} (a model source line, or what defined it). */
    @TruffleBoundary
    public void markModelGlobal(int index, String origin) {
        if (index >= globals.length) {
            grow(index);
        }
        modelOrigins[index] = origin;
    }

    /** Where the kernel model defined the global; null when a script's or undefined. */
    @TruffleBoundary
    public String modelOrigin(int index) {
        return index < modelOrigins.length ? modelOrigins[index] : null;
    }

    @TruffleBoundary
    public void markModelStruct(String name, String origin) {
        modelStructs.put(name, origin);
    }

    /** Where the kernel model declared the struct type; null when it is not the model's. */
    @TruffleBoundary
    public String modelStructOrigin(String name) {
        return modelStructs.get(name);
    }

    /**
     * A script's declaration of {@code name} must not replace a constant, variable, function
     * or struct of the kernel model: the model's code would then run with the script's value
     * ({@code const EINVAL = -22} made the kernel return +22). A model function is replaced
     * only by {@code patch fn}, which the function declaration checks itself.
     */
    @TruffleBoundary
    public void checkScriptDeclaration(String name, int index, Node location) {
        String origin = modelOrigin(index);
        if (origin != null) {
            throw new HLException("'" + name + "' is " + describeModelGlobal(index, origin)
                    + "; a script cannot redeclare it: give yours another name", location);
        }
    }

    /** "a constant of the kernel model (kernel/common/defs.hlk:9)", for error messages. */
    @TruffleBoundary
    public String describeModelGlobal(int index, String origin) {
        Object value = readGlobal(index);
        String kind = value instanceof HLFunction ? "a function" : isConstant(index) ? "a constant" : "a variable";
        return kind + " of the kernel model (" + origin + ")";
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
        Arrays.fill(globals, saved.length, globals.length, UNDEFINED);
    }

    @TruffleBoundary
    public Object lookup(String name) {
        return readGlobal(globalIndex(name));
    }

    /** Defines (or redefines) a function; returns the one it replaced, if any. */
    @TruffleBoundary
    public Object defineFunction(HLFunction function) {
        int index = globalIndex(function.name());
        Object old = readGlobal(index);
        if (checks != null && checks.rules().watchesCall(function.name())) {
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

    /**
     * Forgets a script's global, thread or struct (the REPL's /drop): the name is undefined
     * again. The sources run so far no longer reach this state, so a search runs without
     * workers from now on. Returns false when there was nothing of the script's to drop.
     */
    @TruffleBoundary
    public boolean drop(String kind, String name) {
        boolean dropped;
        switch (kind) {
            case "thread" -> dropped = threads.remove(name) != null;
            case "struct" -> dropped = modelStructOrigin(name) == null && structs.remove(name) != null;
            default -> {
                int index = globalIndex(name);
                dropped = modelOrigin(index) == null && readGlobal(index) != UNDEFINED;
                if (dropped) {
                    globals[index] = UNDEFINED;
                    constants[index] = false;
                }
            }
        }
        if (dropped) {
            programsReplayable = false;
        }
        return dropped;
    }

    /** Every defined global by name, in the order names were first seen: for completion and /vars. */
    @TruffleBoundary
    public Map<String, Object> definedGlobals() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < globals.length; i++) {
            if (globals[i] != UNDEFINED) {
                result.put(globalNames.nameOf(i), globals[i]);
            }
        }
        return result;
    }
}
