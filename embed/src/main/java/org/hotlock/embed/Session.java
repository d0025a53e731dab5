package org.hotlock.embed;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A HotLock session: one context, one simulated kernel. Snippets are evaluated as the REPL
 * does; scenarios return their {@link Report} instead of failing. Close it when done.
 */
public final class Session implements AutoCloseable {
    private final Context context;

    Session(Context context) {
        this.context = context;
    }

    /** The polyglot context underneath, for anything the facade does not cover. */
    public Context context() {
        return context;
    }

    /** Evaluates HotLock source; a guest error is thrown as a {@link PolyglotException}. */
    public Value eval(String source) {
        return context.eval("hotlock", source);
    }

    /** Evaluates a scenario file, named by its path in reports and stack traces. */
    public Value evalFile(Path file) throws IOException {
        return context.eval(Source.newBuilder("hotlock", Files.readString(file), file.toString()).build());
    }

    /**
     * Explores the interleavings of the threads (all declared threads when none are named)
     * and returns the report, failing schedule included: a found bug is a result here, not
     * an exception.
     */
    public Report explore(String... threads) {
        return scenario("explore", threads);
    }

    /** Runs the threads once under the context's schedule (seeded random by default). */
    public Report run(String... threads) {
        return scenario("run", threads);
    }

    /** Probabilistic concurrency testing of the threads. */
    public Report pct(String... threads) {
        return scenario("pct", threads);
    }

    private Report scenario(String mode, String... threads) {
        String source = threads.length == 0 ? "run_scenario(\"" + mode + "!\")" : mode + " { " + String.join(", ", threads) + " }";
        try {
            context.eval("hotlock", source);
        } catch (PolyglotException e) {
            if (!e.isGuestException() || e.getMessage() == null || !e.getMessage().contains("scenario failed")) {
                throw e;
            }
        }
        return Report.of(context.eval("hotlock", "last_report()"));
    }

    /** The kernel as a value: version, machine, nodes, zones, blocks, locks. */
    public Value kernel() {
        return context.eval("hotlock", "kernel_info()");
    }

    /** Every distinct finding so far. */
    public List<Report.Finding> findings() {
        Value v = context.eval("hotlock", "findings()");
        List<Report.Finding> result = new ArrayList<>();
        for (long i = 0; i < v.getArraySize(); i++) {
            result.add(Report.Finding.of(v.getArrayElement(i)));
        }
        return result;
    }

    @Override
    public void close() {
        context.close();
    }
}
