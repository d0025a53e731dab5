package org.hotlock.builtins;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.frame.FrameDescriptor;
import org.hotlock.builtins.core.CoreBuiltins;
import org.hotlock.builtins.kernel.KernelBuiltins;
import org.hotlock.builtins.locks.LockBuiltins;
import org.hotlock.builtins.scenario.ScenarioBuiltins;
import org.hotlock.builtins.strings.StringBuiltins;
import org.hotlock.builtins.sysfs.SysfsBuiltins;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.local.ReadArgumentNode;
import org.hotlock.runtime.HLFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Every builtin, by domain, from lists written out in each domain's package: what exists is
 * known at build time, and adding a builtin means adding it to its domain's list.
 */
public final class BuiltinRegistry {
    private BuiltinRegistry() {
    }

    /** Every builtin, by domain. */
    public static List<BuiltinSpec> all() {
        List<BuiltinSpec> all = new ArrayList<>();
        all.addAll(CoreBuiltins.all());
        all.addAll(StringBuiltins.all());
        all.addAll(KernelBuiltins.all());
        all.addAll(LockBuiltins.all());
        all.addAll(SysfsBuiltins.all());
        all.addAll(ScenarioBuiltins.all());
        return all;
    }

    /** Every builtin as a guest function of the language. */
    public static List<HLFunction> createAll(TruffleLanguage<HotLockContext> language, ContextReference<HotLockContext> contexts) {
        List<HLFunction> result = new ArrayList<>();
        for (BuiltinSpec spec : all()) {
            result.add(create(language, contexts, spec));
        }
        return result;
    }

    private static HLFunction create(TruffleLanguage<HotLockContext> language, ContextReference<HotLockContext> contexts, BuiltinSpec spec) {
        HLExpressionNode[] arguments;
        if (spec.variadic()) {
            arguments = new HLExpressionNode[]{new ReadAllArgumentsNode()};
        } else {
            arguments = new HLExpressionNode[spec.arity()];
            for (int i = 0; i < spec.arity(); i++) {
                arguments[i] = new ReadArgumentNode(i);
            }
        }
        HLExpressionNode body = new BuiltinBodyNode(spec.create().apply(arguments), spec.name());
        HLRootNode root = new HLRootNode(language, contexts, new FrameDescriptor(), body, spec.name(), null);
        return new HLFunction(spec.name(), root.getCallTarget(), spec.arity(), true, spec.doc());
    }
}
