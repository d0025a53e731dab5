package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.source.Source;
import org.hotlock.HotLockLanguage;
import org.hotlock.parser.Parser;
import org.hotlock.runtime.HLList;

import java.util.List;

/**
 * {@code describe_snippets(text)}: parses without running and returns one
 * {@code [kind, name, start, end]} per top-level snippet (kind: function, struct, variable,
 * constant, expression, statement, declaration). The REPL evaluates and echoes each snippet
 * on its own, as JShell does. A syntax error is raised as usual.
 */
@Builtin(name = "describe_snippets", doc = "describe_snippets(text): [kind, name, start, end] of each top-level snippet")
public abstract class DescribeSnippetsBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object describe(String text) {
        Source source = Source.newBuilder(HotLockLanguage.ID, text, "<input>").build();
        Parser parser = new Parser(HotLockLanguage.get(this), source);
        parser.parseProgram();
        HLList result = new HLList();
        for (Parser.Snippet s : parser.snippets()) {
            result.add(new HLList(List.of(s.kind().name().toLowerCase(), s.name() == null ? "" : s.name(), (long) s.start(), (long) s.end())));
        }
        return result;
    }

    @Fallback
    protected Object other(Object text) {
        throw typeError("describe_snippets", text);
    }
}
