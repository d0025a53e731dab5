package org.hotlock;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import org.hotlock.builtins.BuiltinRegistry;
import org.hotlock.parser.Parser;
import org.hotlock.runtime.HLFunction;
import org.hotlock.session.SessionRootNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HotLock language: a Java-flavoured scripting language for describing machines, memory
 * hotplug drivers and concurrent scripts, executed against a simulated kernel.
 */
@TruffleLanguage.Registration(
        id = HotLockLanguage.ID,
        name = "HotLock",
        defaultMimeType = HotLockLanguage.MIME_TYPE,
        characterMimeTypes = {HotLockLanguage.MIME_TYPE, HotLockLanguage.SESSION_MIME_TYPE},
        fileTypeDetectors = HotLockFileDetector.class,
        contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED,
        website = "https://github.com/hotlock/hotlock")
@ProvidedTags({StandardTags.CallTag.class, StandardTags.StatementTag.class, StandardTags.RootTag.class,
        StandardTags.RootBodyTag.class, StandardTags.ExpressionTag.class})
public final class HotLockLanguage extends TruffleLanguage<HotLockContext> {

    @Option(help = "Deepest nesting of guest calls (all guest threads of a context together) before a stack-overflow error.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> MaxCallDepth = new OptionKey<>(5000);

    @Option(help = "Seed of the random schedule of 'run' and of PCT.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> Seed = new OptionKey<>(0L);

    @Option(help = "Schedule of 'run': random or round-robin.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> Strategy = new OptionKey<>("random");

    @Option(help = "Steps one execution may take before it is stopped.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> MaxSteps = new OptionKey<>(100_000L);

    @Option(help = "Executions an exploration may run before it stops, incomplete.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> MaxExecutions = new OptionKey<>(1_000_000L);

    @Option(help = "Most preemptions per explored schedule; -1 for no bound.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PreemptionBound = new OptionKey<>(-1);

    @Option(help = "Explore with partial-order reduction (false: every interleaving).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Reduce = new OptionKey<>(true);

    @Option(help = "Number of PCT runs.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PctRuns = new OptionKey<>(100);

    @Option(help = "Bug depth d of PCT.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PctDepth = new OptionKey<>(3);

    @Option(help = "Where to save the trace of a failing execution (empty: do not save).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> TraceFile = new OptionKey<>("");

    @Option(help = "A schedule to replay: thread names, comma separated.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> Replay = new OptionKey<>("");

    @Option(help = "Seconds an exploration or PCT may take before it stops, incomplete; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> TimeLimit = new OptionKey<>(0L);

    @Option(help = "Run the checkers (rules, lock order, races); false only to measure what they cost.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Checks = new OptionKey<>(true);

    @Option(help = "Leave the per-device locks (dev->mutex) out of the lock-order graph, as lockdep does.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> LockdepNovalidateDevice = new OptionKey<>(false);

    @Option(help = "The scenario file, as recorded in saved traces.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> ScenarioFile = new OptionKey<>("");

    @Option(help = "Rewrite the progress line in place (a terminal) instead of printing lines (a log).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> ProgressInPlace = new OptionKey<>(false);

    @Option(help = "Print a progress line every second during long explorations.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Progress = new OptionKey<>(false);

    @Override
    protected org.graalvm.options.OptionDescriptors getOptionDescriptors() {
        return new HotLockLanguageOptionDescriptors();
    }

    public static final String ID = "hotlock";
    public static final String MIME_TYPE = "application/x-hotlock";
    /**
     * A source of this type evaluates to the context's session object ({@link SessionRootNode}):
     * the REPL's and embedders' interface, out of scripts' reach, since a script cannot choose
     * a MIME type.
     */
    public static final String SESSION_MIME_TYPE = "application/x-hotlock-session";
    public static final String EXTENSION = "hlk";

    private static final LanguageReference<HotLockLanguage> REFERENCE = LanguageReference.create(HotLockLanguage.class);

    /**
     * Global names get one index for the whole language, so a node that reads a global keeps
     * that index and stays valid in every context of a shared engine.
     */
    private final Map<String, Integer> globalIndices = new ConcurrentHashMap<>();
    /** Created on first use: root nodes cannot be made while the language is being constructed. */
    private volatile List<HLFunction> builtins;

    public static HotLockLanguage get(Node node) {
        return REFERENCE.get(node);
    }

    @Override
    protected HotLockContext createContext(Env env) {
        return new HotLockContext(this, env);
    }

    @Override
    protected void initializeContext(HotLockContext context) {
        for (HLFunction builtin : builtins()) {
            context.defineFunction(builtin);
        }
    }

    @Override
    protected Object getScope(HotLockContext context) {
        return new org.hotlock.runtime.GlobalScope(context);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (SESSION_MIME_TYPE.equals(source.getMimeType())) {
            return new SessionRootNode(this).getCallTarget();
        }
        return new Parser(this, source).parseProgram().getCallTarget();
    }

    @TruffleBoundary
    public int globalIndex(String name) {
        synchronized (globalIndices) {
            return globalIndices.computeIfAbsent(name, n -> globalIndices.size());
        }
    }

    @TruffleBoundary
    public String globalName(int index) {
        for (Map.Entry<String, Integer> e : globalIndices.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey();
            }
        }
        return "$" + index;
    }

    public int globalCount() {
        return globalIndices.size();
    }

    public List<HLFunction> builtins() {
        List<HLFunction> result = builtins;
        if (result == null) {
            synchronized (this) {
                result = builtins;
                if (result == null) {
                    result = BuiltinRegistry.createAll(this);
                    builtins = result;
                }
            }
        }
        return result;
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        // Guest threads are scheduled one at a time by HotLock's own scheduler.
        return true;
    }
}
