package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code hotlock} command. {@code bin/hotlock} picks the JDK and the runtime (interpreter
 * for short runs, the Graal JIT for long ones) and then starts this class.
 */
@Command(name = "hotlock", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs HotLock scenarios against a lock-aware simulated Linux kernel.",
        subcommands = {Main.Run.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a script failed (guest error, kernel BUG, unmet expectation)",
                "2:usage or syntax error", "3:internal error in HotLock"})
public final class Main implements Callable<Integer> {

    @Option(names = {"-e", "--eval"}, paramLabel = "SNIPPET",
            description = "Evaluate the snippet and print the value of its last expression (nothing if null).")
    private List<String> snippets = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. Tests call this directly. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Main main = new Main(in, out, err);
        CommandLine cli = new CommandLine(main);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("hotlock: " + ex.getMessage());
            err.println("Try 'hotlock --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("hotlock: internal error: " + ex);
            if (System.getenv("HOTLOCK_STACKTRACE") != null) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (!snippets.isEmpty()) {
            return evalSnippets();
        }
        if (System.console() == null) {
            // Piped input is a script: `echo 'print(1)' | hotlock`.
            try {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return runSource(Source.newBuilder("hotlock", text, "<stdin>").buildLiteral(), false);
            } catch (IOException e) {
                err.println("hotlock: cannot read standard input: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        new CommandLine(this).usage(out);
        return ExitCodes.SUCCESS;
    }

    private int evalSnippets() {
        int i = 0;
        try (Context context = newContext()) {
            for (String snippet : snippets) {
                String name = snippets.size() == 1 ? "<snippet>" : "<snippet" + (++i) + ">";
                Source source = Source.newBuilder("hotlock", snippet, name).buildLiteral();
                int code = evaluate(context, source, true);
                if (code != ExitCodes.SUCCESS) {
                    return code;
                }
            }
        }
        return ExitCodes.SUCCESS;
    }

    int runSource(Source source, boolean printResult) {
        try (Context context = newContext()) {
            return evaluate(context, source, printResult);
        }
    }

    private int evaluate(Context context, Source source, boolean printResult) {
        try {
            Value result = context.eval(source);
            if (printResult && !result.isNull()) {
                out.println(result.toString());
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    Context newContext() {
        return Context.newBuilder("hotlock")
                .in(in).out(out).err(err)
                .engine(engine())
                .build();
    }

    private Engine engine;

    private Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("hotlock").in(in).out(out).err(err).build();
        }
        return engine;
    }

    /** {@code hotlock run FILE...}: runs each scenario in a fresh kernel. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run scenario files, each in a fresh simulated kernel.")
    static final class Run implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Main main;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.hlk).")
        private List<Path> files;

        @Override
        public Integer call() {
            int worst = ExitCodes.SUCCESS;
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    main.err.println("hotlock: " + file + ": no such file");
                    worst = Math.max(worst, ExitCodes.USAGE);
                    continue;
                } catch (IOException e) {
                    main.err.println("hotlock: " + file + ": cannot read: " + e.getMessage());
                    worst = Math.max(worst, ExitCodes.USAGE);
                    continue;
                }
                Source source = Source.newBuilder("hotlock", text, file.toString()).buildLiteral();
                worst = Math.max(worst, main.runSource(source, false));
            }
            return worst;
        }
    }

    /** Reads the version recorded at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream s = Main.class.getResourceAsStream("version.properties")) {
                if (s != null) {
                    p.load(s);
                }
            }
            String runtime;
            try (Engine e = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
                runtime = e.getImplementationName();
            }
            return new String[]{
                    "hotlock " + p.getProperty("version", "unknown"),
                    "Truffle " + p.getProperty("truffle", "unknown") + ", runtime: " + runtime
                            + ", Java " + System.getProperty("java.version")};
        }
    }
}
