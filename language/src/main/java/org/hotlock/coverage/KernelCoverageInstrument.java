package org.hotlock.coverage;

import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.EventContext;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.hotlock.context.KernelModels;
import org.hotlock.nodes.BranchConditionTag;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Coverage of the kernel model: which of its lines and functions the scenarios run on an engine
 * executed, and which way each of its branches went. Written when the engine closes, as LCOV
 * (for genhtml and CI coverage services) and as a short summary on the engine's output.
 * GraalVM's own coverage tool is not served where HotLock is built, and it knows neither
 * branches nor locks: this one reports the branches of the locking paths a suite never took.
 */
@TruffleInstrument.Registration(id = KernelCoverageInstrument.ID, name = "HotLock kernel-model coverage", version = "1")
public final class KernelCoverageInstrument extends TruffleInstrument {
    public static final String ID = "kernelcoverage";

    @Option(name = "", help = "Record which lines, functions and branches of the kernel model run; write them as LCOV when the engine closes.",
            category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Enabled = new OptionKey<>(false);
    @Option(help = "The LCOV file to write (default: kernel-coverage.info).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> OutputFile = new OptionKey<>("kernel-coverage.info");
    @Option(help = "Directory the model's file names (kernel/4.19/...) are resolved against in the LCOV file, so genhtml finds the sources (default: the names as they are).",
            category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<String> SourceRoot = new OptionKey<>("");
    @Option(help = "Print the short text summary on the engine's output (default: true).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Summary = new OptionKey<>(true);

    private CoverageData data;

    @Override
    protected void onCreate(Env env) {
        if (!env.getOptions().get(Enabled)) {
            return;
        }
        data = new CoverageData();
        SourceSectionFilter.Builder model = SourceSectionFilter.newBuilder().mimeTypeIs(KernelModels.MIME_TYPE).includeInternal(false);
        env.getInstrumenter().attachLoadSourceSectionListener(
                model.tagIs(StandardTags.StatementTag.class, StandardTags.RootTag.class, BranchConditionTag.class, StandardTags.CallTag.class).build(),
                event -> data.loaded(event.getNode()), true);
        env.getInstrumenter().attachExecutionEventFactory(
                SourceSectionFilter.newBuilder().mimeTypeIs(KernelModels.MIME_TYPE).includeInternal(false)
                        .tagIs(StandardTags.StatementTag.class, StandardTags.RootTag.class, BranchConditionTag.class).build(),
                this::counterNode);
    }

    private ExecutionEventNode counterNode(EventContext context) {
        CoverageData.Counter counter = data.loaded(context.getInstrumentedNode());
        if (counter == null) {
            return null;
        }
        if (context.hasTag(BranchConditionTag.class)) {
            return new ExecutionEventNode() {
                @Override
                protected void onReturnValue(VirtualFrame frame, Object result) {
                    counter.branch(result);
                }
            };
        }
        return new ExecutionEventNode() {
            @Override
            protected void onEnter(VirtualFrame frame) {
                counter.hit();
            }
        };
    }

    @Override
    protected void onDispose(Env env) {
        if (data == null) {
            return;
        }
        PrintStream out = new PrintStream(env.out(), true, StandardCharsets.UTF_8);
        Path file = Path.of(env.getOptions().get(OutputFile));
        CoverageReport report = new CoverageReport(data.counters(), data.calls(), env.getOptions().get(SourceRoot));
        try {
            // as every report: a temporary file renamed over the target, never half a report
            Path dir = file.toAbsolutePath().getParent();
            Path partial = Files.createTempFile(dir, ".hotlock-coverage", ".tmp");
            Files.writeString(partial, report.lcov(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            new PrintStream(env.err(), true, StandardCharsets.UTF_8).println("hotlock: cannot write the kernel coverage to " + file + ": " + e.getMessage());
            return;
        }
        if (env.getOptions().get(Summary)) {
            out.print(report.summary(file.toString()));
        }
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new KernelCoverageInstrumentOptionDescriptors();
    }
}
