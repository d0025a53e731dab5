package org.hotlock.builtins.strings;

import org.hotlock.builtins.BuiltinSpec;

import java.util.List;

/** The builtins on text: conversions, prefixes, substrings. */
public final class StringBuiltins {
    private StringBuiltins() {
    }

    public static List<BuiltinSpec> all() {
        return List.of(
                BuiltinSpec.of(HexBuiltinFactory.getInstance()),
                BuiltinSpec.of(ParseIntBuiltinFactory.getInstance()),
                BuiltinSpec.of(StartsWithBuiltinFactory.getInstance()),
                BuiltinSpec.of(StrBuiltinFactory.getInstance()),
                BuiltinSpec.of(SubstringBuiltinFactory.getInstance()),
                BuiltinSpec.of(TrimBuiltinFactory.getInstance()));
    }
}
