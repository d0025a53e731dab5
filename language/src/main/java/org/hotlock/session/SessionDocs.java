package org.hotlock.session;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;

import java.util.ArrayList;
import java.util.List;

/**
 * A function's signature and documentation, for the REPL's completion: a builtin says them in
 * its registration; a declared function (the kernel model's too) has its declaration line and
 * the comment written above it, or beside it, in its source.
 */
final class SessionDocs {
    private SessionDocs() {
    }

    /** {@code [signature, documentation, where]} of the function; an empty list when the name is no function. */
    @TruffleBoundary
    static HLList describe(HotLockContext context, String name) {
        if (!(context.lookup(name) instanceof HLFunction function)) {
            return new HLList();
        }
        if (function.isBuiltin()) {
            String doc = function.doc();
            int colon = doc.indexOf("): ");
            String signature = colon < 0 ? name + "(...)" : doc.substring(0, colon + 1);
            return list(signature, colon < 0 ? doc : doc.substring(colon + 3), "builtin");
        }
        SourceSection at = function.declaration();
        if (at == null || !at.isAvailable()) {
            return list("fn " + name + "(...)", "", "");
        }
        Source source = at.getSource();
        String line = source.getCharacters(at.getStartLine()).toString();
        int start = Math.max(0, at.getStartColumn() - 1);
        String declaration = line.substring(Math.min(start, line.length()));
        String beside = "";
        int comment = declaration.indexOf("//");
        if (comment >= 0) {
            beside = declaration.substring(comment + 2).strip();
            declaration = declaration.substring(0, comment);
        }
        int brace = declaration.indexOf('{');
        String signature = (brace < 0 ? declaration : declaration.substring(0, brace)).strip();
        List<String> above = new ArrayList<>();
        for (int l = at.getStartLine() - 1; l >= 1; l--) {
            String text = source.getCharacters(l).toString().strip();
            if (!text.startsWith("//")) {
                break;
            }
            above.addFirst(text.substring(2).strip());
        }
        if (!beside.isEmpty()) {
            above.add(beside);
        }
        return list(signature, String.join("\n", above), source.getName() + ":" + at.getStartLine());
    }

    private static HLList list(String... items) {
        return new HLList(new ArrayList<Object>(List.of(items)));
    }
}
