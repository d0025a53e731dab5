package org.hotlock.builtins.core;

import org.hotlock.builtins.BuiltinSpec;

import java.util.List;

/** The builtins of the language itself: output, assertions, errors, types, lists, numbers. */
public final class CoreBuiltins {
    private CoreBuiltins() {
    }

    public static List<BuiltinSpec> all() {
        return List.of(
                BuiltinSpec.of(AppendBuiltinFactory.getInstance()),
                BuiltinSpec.of(AssertBuiltinFactory.getInstance()),
                BuiltinSpec.of(ErrorBuiltinFactory.getInstance()),
                BuiltinSpec.of(LenBuiltinFactory.getInstance()),
                BuiltinSpec.of(MaxBuiltinFactory.getInstance()),
                BuiltinSpec.of(MinBuiltinFactory.getInstance()),
                BuiltinSpec.of(PrintBuiltinFactory.getInstance()),
                BuiltinSpec.of(RemoveBuiltinFactory.getInstance()),
                BuiltinSpec.of(TypeofBuiltinFactory.getInstance()));
    }
}
