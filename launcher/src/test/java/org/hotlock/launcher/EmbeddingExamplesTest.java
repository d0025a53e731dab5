package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding examples run as their headers say: the plain Java program and the jshell
 * script as processes of their own, the JUnit example compiled and run here; and a
 * JavaScript program reads a HotLock report through one polyglot engine.
 */
class EmbeddingExamplesTest {
    static final Path EXAMPLES = ExamplesTest.REPO.resolve("examples/embedding");
    static final String CLASSPATH = System.getProperty("java.class.path");
    static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void thePlainJavaProgram() throws Exception {
        String out = run(List.of(JAVA_HOME + "/bin/java", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp", CLASSPATH,
                EXAMPLES.resolve("EmbedSeed.java").toString()));
        assertTrue(out.contains("4.19: ") && out.contains("failure: invariant"), out);
        assertTrue(out.contains("race(zone.present_pages)"), out);
        assertTrue(out.contains("4.20: ") && out.contains("failure: none"), out);
    }

    @Test
    void theJshellScript() throws Exception {
        String out = run(List.of(JAVA_HOME + "/bin/jshell", "--class-path", CLASSPATH,
                "-R--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-R-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-R--sun-misc-unsafe-memory-access=allow", EXAMPLES.resolve("explore.jsh").toString()));
        assertTrue(out.contains("lost update found: invariant"), out);
        // the failing schedule interleaves the two threads (whichever the search found first)
        assertTrue(out.matches("(?s).*schedule: [a-z,]*probe,[a-z,]*admin.*|(?s).*schedule: [a-z,]*admin,[a-z,]*probe.*"), out);
    }

    @Test
    void theJunitExampleOfAnotherProject() throws Exception {
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", tmp.toString(), "-cp", CLASSPATH,
                EXAMPLES.resolve("SeedFindingsTest.java").toString());
        assertEquals(0, rc, "the example compiles");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{tmp.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("SeedFindingsTest");
            List<String> ran = new ArrayList<>();
            for (Method m : test.getMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    m.invoke(test.getConstructor().newInstance());
                    ran.add(m.getName());
                }
            }
            assertEquals(2, ran.size(), ran.toString());
        }
    }

    @Test
    void javascriptReadsAHotLockReportInTheSameEngine() {
        String scenario = """
                kernel "4.19"
                machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
                thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                explore { admin } expect violation(R1), violation(R4)
                last_report()
                """;
        try (Context c = Context.newBuilder("js", "hotlock").allowPolyglotAccess(PolyglotAccess.ALL)
                .option("engine.WarnInterpreterOnly", "false").out(java.io.OutputStream.nullOutputStream()).build()) {
            c.getBindings("js").putMember("scenario", scenario);
            Value v = c.eval("js", """
                    const report = Polyglot.eval('hotlock', scenario);
                    const rules = [];
                    for (let i = 0; i < report.findings.length; i++) { if (!rules.includes(report.findings[i].rule)) rules.push(report.findings[i].rule); }
                    report.mode + ' ' + report.executions + ' ' + rules.sort().join(',');
                    """);
            assertEquals("explore 1 R1,R4a", v.asString());
        }
    }

    /**
     * Issue 17: the README's embedding commands printed "class file has wrong version" where
     * `java` on the PATH is older than 25. They run the JDK's tools through bin/jdk, which finds
     * the JDK as bin/hotlock does; here the PATH's java and jshell are an old one's.
     */
    @Test
    void theReadmeCommandsRunOnAJdk25WhateverJavaIsOnThePath() throws Exception {
        String readme = Files.readString(ExamplesTest.REPO.resolve("README.md"));
        String section = readme.substring(readme.indexOf("\n## Embedding"));
        int open = section.indexOf("```\n") + 4;
        List<String> commands = section.substring(open, section.indexOf("```", open)).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, commands.size(), commands.toString());
        for (String command : commands) {
            assertTrue(command.startsWith("bin/jdk java ") || command.startsWith("bin/jdk jshell "), command);
        }
        Path old = tmp.resolve("old-jdk/bin");
        Files.createDirectories(old);
        for (String tool : List.of("java", "jshell")) {
            Path fake = old.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho 'class file has wrong version 69.0, should be 61.0' >&2\nexit 1\n");
            assertTrue(fake.toFile().setExecutable(true));
        }
        String jdk = ExamplesTest.REPO.resolve("bin/jdk").toString();
        String settings = runOnPath(old, List.of(jdk, "java", "-XshowSettings:properties", "-version"));
        assertTrue(settings.matches("(?s).*java\\.specification\\.version = (2[5-9]|[3-9][0-9]).*"), settings);
        assertTrue(runOnPath(old, List.of(jdk, "jshell", "--version")).matches("(?s)jshell (2[5-9]|[3-9][0-9]).*"), "jshell of the JDK 25+");
    }

    /** Runs the command with the directory first on the PATH and this JVM's JDK as JAVA_HOME. */
    private static String runOnPath(Path first, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", first + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", JAVA_HOME);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }
}
