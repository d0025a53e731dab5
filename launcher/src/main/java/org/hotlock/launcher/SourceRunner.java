package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.hotlock.launcher.progress.Progress;
import org.hotlock.launcher.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Evaluates snippets and scenario files in contexts {@link Contexts} builds, reports guest
 * errors, and answers with the exit code each outcome calls for.
 */
final class SourceRunner {
    private final Contexts contexts;
    private final PrintStream out;
    private final PrintStream err;
    /** Takes the progress of each search the scenarios run (null: the context's own --progress lines, if any). */
    private final Consumer<Progress> progress;

    SourceRunner(Contexts contexts, PrintStream out, PrintStream err) {
        this(contexts, out, err, null);
    }

    private SourceRunner(Contexts contexts, PrintStream out, PrintStream err, Consumer<Progress> progress) {
        this.contexts = contexts;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** The same runner, its searches reporting their progress to the consumer (a terminal's progress line). */
    SourceRunner withProgress(Consumer<Progress> consumer) {
        return new SourceRunner(contexts, out, err, consumer);
    }

    /**
     * Runs a scenario file: the script, then its declared threads in the mode (unless the
     * script ran a scenario itself). Each file gets a fresh context.
     */
    int runScenario(Path file, String mode, ScenarioOptions options, String replaySchedule) {
        return runScenario(file, mode, options, replaySchedule, null);
    }

    /** As above; {@code inspect} sees the context (findings, reports) before it is closed. */
    int runScenario(Path file, String mode, ScenarioOptions options, String replaySchedule, Consumer<Context> inspect) {
        return runScenario(file, file.toString(), mode, options, replaySchedule, inspect);
    }

    /** Runs the scenario in the file, naming its source {@code name} in messages. */
    int runScenario(Path file, String name, String mode, ScenarioOptions options, String replaySchedule, Consumer<Context> inspect) {
        String text;
        try {
            text = ScriptFiles.read(file);
        } catch (NoSuchFileException e) {
            err.println("hotlock: " + file + ": no such file");
            return ExitCodes.USAGE;
        } catch (ScriptFiles.Unreadable e) {
            err.println("hotlock: error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("hotlock: " + file + ": cannot read: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Source source = Source.newBuilder("hotlock", text, name).buildLiteral();
        Context context = contexts.forScenario(file, mode, options, replaySchedule);
        long timeout = options.timeoutFor(mode);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = timeout <= 0 ? null : WATCHDOG.schedule(() -> {
            timedOut.set(true);
            context.close(true);
        }, timeout, TimeUnit.SECONDS);
        try {
            if (progress != null) {
                ProgressListener.listen(context, progress);
            }
            Source scenario = Source.newBuilder("hotlock", "run_scenario(\"" + mode + "\")", "<" + mode + ">").buildLiteral();
            if (contexts.cluster() != null) {
                // the cluster's serving members run the same script with the same options
                Map<String, String> script = new LinkedHashMap<>();
                script.put(name, text);
                script.put(scenario.getName(), scenario.getCharacters().toString());
                contexts.cluster().script(script, contexts.lastScenarioOptions());
            }
            int code = evaluate(context, source, false, timedOut);
            if (code == ExitCodes.SUCCESS) {
                code = evaluate(context, scenario, false, timedOut);
            }
            if (timedOut.get()) {
                // the watchdog cancelled it: say which bound, not just "cancelled"
                err.println("hotlock: error: " + name + " ran longer than its time bound of " + timeout
                        + " s and was stopped (stuck? raise it with --timeout SECONDS; 0: none)");
                return ExitCodes.SCRIPT_FAILURE;
            }
            if (code == ExitCodes.SUCCESS && replaySchedule != null) {
                code = checkReplayed(context, name);
            }
            if (code == ExitCodes.SUCCESS) {
                code = reportFindings(context);
            }
            if (code == ExitCodes.SUCCESS) {
                code = reportInconclusive(context);
            }
            if (inspect != null) {
                try {
                    inspect.accept(context);
                } catch (PolyglotException e) {
                    // a context cancelled by an error has nothing more to show
                }
            }
            return code;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            Contexts.close(context);
        }
    }

    /** Stops files that run past --timeout: one daemon thread for every file of the JVM. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotlock-timeout");
        t.setDaemon(true);
        return t;
    });

    /** Evaluates the source; a cancellation by the watchdog is said by the caller, not here. */
    /** Evaluates the source; prints its value if asked and it is not null. */
    int evaluate(Context context, Source source, boolean printResult) {
        return evaluate(context, source, printResult, new AtomicBoolean());
    }

    /** The same, where a cancellation the watchdog made ({@code timedOut}) is said by the caller. */
    private int evaluate(Context context, Source source, boolean printResult, AtomicBoolean timedOut) {
        try {
            Value result = context.eval(source);
            if (printResult && !result.isNull()) {
                out.println(result.toString());
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            if (timedOut.get() && e.isCancelled()) {
                return ExitCodes.SCRIPT_FAILURE;
            }
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    /**
     * A replay that ran no scenario replayed nothing: the script declares no threads (or no
     * kernel and machine), so the trace is not of it, however cleanly the script ran.
     */
    private int checkReplayed(Context context, String name) {
        try {
            if (context.eval(Source.newBuilder("hotlock", "last_report()", "<replayed>").buildLiteral()).isNull()) {
                err.println("hotlock: error: the trace does not match " + name
                        + ": the script runs no scenario (it declares no threads to run under the trace's schedule)");
                return ExitCodes.SCRIPT_FAILURE;
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    /**
     * An expectation an incomplete search could not settle is neither a pass nor a failure: the
     * run ends with its own exit code, so a CI job cannot take a search cut short for a proof.
     */
    private int reportInconclusive(Context context) {
        try {
            Value messages = context.eval(Source.newBuilder("hotlock", "inconclusive_expectations()", "<inconclusive>").buildLiteral());
            long n = messages.getArraySize();
            if (n == 0) {
                return ExitCodes.SUCCESS;
            }
            for (long i = 0; i < n; i++) {
                String m = messages.getArrayElement(i).asString();
                if (m.startsWith("the end of the script")) {
                    err.print("hotlock: " + m);
                }
            }
            err.println("hotlock: inconclusive: " + n + (n == 1 ? " expectation" : " expectations")
                    + " an incomplete search could not settle (see above); only a complete exploration can"
                    + " (hotlock explore, without a bound or limit)");
            return ExitCodes.INCONCLUSIVE;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    /**
     * Findings no expectation answered for fail the run: a CI job must not pass a scenario
     * that broke a rule it did not declare.
     */
    private int reportFindings(Context context) {
        try {
            long unanswered = context.eval(Source.newBuilder("hotlock", "report_findings()", "<findings>").buildLiteral()).asLong();
            if (unanswered > 0) {
                err.println("hotlock: " + unanswered + " finding" + (unanswered == 1 ? "" : "s")
                        + " no expectation answered for (see above); state them with 'expect ...' if they are intended");
                return ExitCodes.SCRIPT_FAILURE;
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }
}
