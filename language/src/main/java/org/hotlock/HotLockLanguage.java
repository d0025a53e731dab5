package org.hotlock;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionValues;
import org.graalvm.polyglot.SandboxPolicy;
import org.hotlock.builtins.BuiltinRegistry;
import org.hotlock.context.GlobalScope;
import org.hotlock.context.HotLockContext;
import org.hotlock.context.HotLockOptions;
import org.hotlock.context.KernelModels;
import org.hotlock.kernel.KernelTypes;
import org.hotlock.nodes.BranchConditionTag;
import org.hotlock.parser.Parser;
import org.hotlock.runtime.GlobalNames;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.session.SessionRootNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The HotLock language: a Java-flavoured scripting language for describing machines, memory
 * hotplug drivers and concurrent scripts, executed against a simulated kernel. This class
 * wires the layers together: it parses sources into nodes, makes a context per polyglot
 * context and installs the builtins in it. The context reference it makes is the one every
 * node reaches its context through (by way of its root node), so the nodes need not know
 * this class.
 */
@TruffleLanguage.Registration(
        id = HotLockLanguage.ID,
        name = "HotLock",
        defaultMimeType = HotLockLanguage.MIME_TYPE,
        characterMimeTypes = {HotLockLanguage.MIME_TYPE, HotLockLanguage.SESSION_MIME_TYPE, KernelModels.MIME_TYPE},
        fileTypeDetectors = HotLockFileDetector.class,
        contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        sandbox = SandboxPolicy.CONSTRAINED,
        website = "https://github.com/hotlock/hotlock")
@ProvidedTags({StandardTags.CallTag.class, StandardTags.StatementTag.class, StandardTags.RootTag.class,
        StandardTags.RootBodyTag.class, StandardTags.ExpressionTag.class, BranchConditionTag.class})
public final class HotLockLanguage extends TruffleLanguage<HotLockContext> {
    public static final String ID = HotLockOptions.LANGUAGE_ID;
    public static final String MIME_TYPE = HotLockFileDetector.MIME_TYPE;
    /**
     * A source of this type evaluates to the context's session object ({@link SessionRootNode}):
     * the REPL's and embedders' interface, out of scripts' reach, since a script cannot choose
     * a MIME type.
     */
    public static final String SESSION_MIME_TYPE = "application/x-hotlock-session";
    public static final String EXTENSION = HotLockFileDetector.EXTENSION;

    /** The current context, for every node of the language: handed to each root node. */
    public static final ContextReference<HotLockContext> CONTEXT = ContextReference.create(HotLockLanguage.class);
    private static final LanguageReference<HotLockLanguage> REFERENCE = LanguageReference.create(HotLockLanguage.class);

    private final GlobalNames globalNames = new GlobalNames();
    /** The kernel's struct layouts, one set for every context, so shared code stays monomorphic. */
    private final KernelTypes kernelTypes = new KernelTypes();
    /** Created on first use: root nodes cannot be made while the language is being constructed. */
    private volatile List<HLFunction> builtins;

    public static HotLockLanguage get(Node node) {
        return REFERENCE.get(node);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return HotLockOptions.descriptors();
    }

    /**
     * Every option is read from the context when it is used (none shapes the nodes), so contexts
     * with different options share parsed code and its compilations: {@code check}'s scenarios,
     * each with its own file, seed and trace, compile the kernel model once.
     */
    @Override
    protected boolean areOptionsCompatible(OptionValues firstOptions, OptionValues newOptions) {
        return true;
    }

    @Override
    protected HotLockContext createContext(Env env) {
        HLException.prepareForStackOverflow();
        return new HotLockContext(env, globalNames, kernelTypes);
    }

    @Override
    protected void initializeContext(HotLockContext context) {
        for (HLFunction builtin : builtins()) {
            context.defineFunction(builtin);
        }
    }

    @Override
    protected Object getScope(HotLockContext context) {
        return new GlobalScope(context, HotLockLanguage.class);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (SESSION_MIME_TYPE.equals(source.getMimeType())) {
            return new SessionRootNode(this, CONTEXT, this::snippetSpans).getCallTarget();
        }
        return new Parser(parserLanguage(), source).parseProgram().getCallTarget();
    }

    /** Where each top-level snippet of a text starts and ends, for the session object: parsed, not run. */
    private List<int[]> snippetSpans(String text) {
        Parser parser = new Parser(parserLanguage(), Source.newBuilder(ID, text, "<input>").build());
        parser.parseProgram();
        List<int[]> spans = new ArrayList<>();
        for (Parser.Snippet snippet : parser.snippets()) {
            spans.add(new int[]{snippet.start(), snippet.end()});
        }
        return spans;
    }

    /** What the parser's nodes need of this language. */
    private Parser.Language parserLanguage() {
        return new Parser.Language(this, CONTEXT, this::globalIndex);
    }

    /** The index of a global name, the same in every context: the parser compiles it into the nodes. */
    public int globalIndex(String name) {
        return globalNames.indexOf(name);
    }

    public List<HLFunction> builtins() {
        List<HLFunction> result = builtins;
        if (result == null) {
            synchronized (this) {
                result = builtins;
                if (result == null) {
                    result = BuiltinRegistry.createAll(this, CONTEXT);
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
