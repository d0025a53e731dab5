package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hotlock check}: exit codes, the summary, the reproduction command, and each report format. */
class CheckTest {
    @TempDir
    Path dir;


    private Path scenario(String name, String text) throws IOException {
        Path p = dir.resolve("scenarios").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void scenarios() throws IOException {
        scenario("good.hlk", """
                kernel "4.20"
                machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
                thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                explore { admin } expect guarded_cycle
                """);
        // deliberately broken: on 4.19 onlining through memoryN/online breaks R4a, and the probe R1
        scenario("broken.hlk", """
                kernel "4.19"
                machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
                thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                explore { admin } expect clean
                """);
    }

    @Test
    void theExamplesPass() {
        Cli r = Cli.run("check", "--jobs", "2", ExamplesTest.REPO.resolve("examples").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith(" passed, 0 failed, 0 inconclusive"), r.out());
    }

    @Test
    void aBrokenScenarioFailsTheCheckWithItsReproductionCommand() throws IOException {
        scenarios();
        Cli r = Cli.run("check", dir.resolve("scenarios").toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.out());
        assertTrue(r.out().contains("PASS  " + dir.resolve("scenarios/good.hlk")), r.out());
        assertTrue(r.out().contains("FAIL  " + dir.resolve("scenarios/broken.hlk")), r.out());
        assertTrue(r.out().contains("reproduce: bin/hotlock run --seed 0 " + dir.resolve("scenarios/broken.hlk")), r.out());
        assertTrue(r.out().contains("+ unexpected: violation(R1), violation(R4a)"), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed, 0 inconclusive"), r.out());
    }

    @Test
    void aSyntaxErrorIsExitTwo() throws IOException {
        scenario("bad.hlk", "var = 3\n");
        Cli r = Cli.run("check", dir.resolve("scenarios").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out());
        assertEquals(ExitCodes.USAGE, Cli.run("check", dir.resolve("nothing-here").toString()).exitCode());
    }

    @Test
    void theJunitReportHasOneCaseForEachScenarioAndAFailingScenariosCaseFails() throws Exception {
        scenarios();
        // a terminal escape in a scenario's output: XML 1.0 cannot hold it, the report must still parse
        scenario("escape.hlk", "print(\"colour \033[31mred\033[0m\")\n");
        Path xml = dir.resolve("junit.xml");
        Cli r = Cli.run("check", "--junit", xml.toString(), dir.resolve("scenarios").toString());
        assertTrue(r.out().contains("3 scenarios in"), r.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength(), "one case per scenario, as the console counts them");
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("3", ((Element) doc.getElementsByTagName("testsuites").item(0)).getAttribute("tests"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) failures.item(0);
        assertEquals("broken.hlk", ((Element) failure.getParentNode()).getAttribute("name"), "the failing file's case fails");
        assertTrue(failure.getAttribute("message").contains("reproduce: bin/hotlock run --seed 0"), failure.getAttribute("message"));
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertFalse(c.getAttribute("classname").isEmpty());
            assertTrue(c.getAttribute("name").endsWith(".hlk"), c.getAttribute("name"));
            Double.parseDouble(c.getAttribute("time"));
            assertEquals(1, c.getElementsByTagName("system-out").getLength());
            if (c.getAttribute("name").equals("escape.hlk")) {
                assertTrue(c.getElementsByTagName("system-out").item(0).getTextContent().contains("[31mred"));
            }
        }
    }

    @Test
    void theSarifReportHasTheStructureCodeScanningReads() throws Exception {
        scenarios();
        Path sarif = dir.resolve("report.sarif");
        Cli.run("check", "--sarif", sarif.toString(), dir.resolve("scenarios").toString());
        try (Context js = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            Value log = js.eval("js", "(" + Files.readString(sarif) + ")");
            assertEquals("2.1.0", log.getMember("version").asString());
            assertEquals(SarifReport.SCHEMA, log.getMember("$schema").asString());
            Value run = log.getMember("runs").getArrayElement(0);
            Value driver = run.getMember("tool").getMember("driver");
            assertEquals("HotLock", driver.getMember("name").asString());
            Value rules = driver.getMember("rules");
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (long i = 0; i < rules.getArraySize(); i++) {
                Value rule = rules.getArrayElement(i);
                ids.add(rule.getMember("id").asString());
                assertFalse(rule.getMember("shortDescription").getMember("text").asString().isEmpty());
            }
            assertTrue(ids.containsAll(java.util.List.of("R1", "R4a", "guarded_cycle")), ids.toString());
            Value results = run.getMember("results");
            assertTrue(results.getArraySize() > 0);
            for (long i = 0; i < results.getArraySize(); i++) {
                Value r = results.getArrayElement(i);
                assertTrue(ids.contains(r.getMember("ruleId").asString()), "every result names a declared rule");
                assertTrue(java.util.List.of("error", "warning", "note").contains(r.getMember("level").asString()));
                assertFalse(r.getMember("message").getMember("text").asString().isEmpty());
                Value phys = r.getMember("locations").getArrayElement(0).getMember("physicalLocation");
                String uri = phys.getMember("artifactLocation").getMember("uri").asString();
                assertTrue(uri.endsWith("/good.hlk") || uri.endsWith("/broken.hlk"), "located in the user's scenario: " + uri);
                assertTrue(phys.getMember("region").getMember("startLine").asInt() >= 1);
            }
        }
    }

    @Test
    void theJsonReportHasEveryFindingAndTheFailingSchedule() throws Exception {
        Path s = scenario("race.hlk", """
                kernel "4.19"
                machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
                sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
                thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                explore { probe, admin }
                """);
        Path json = dir.resolve("report.json");
        Cli r = Cli.run("check", "--json", json.toString(), s.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode());
        try (Context js = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            Value report = js.eval("js", "(" + Files.readString(json) + ")");
            assertEquals(1, report.getMember("failed").asInt());
            Value scenario = report.getMember("scenarios").getArrayElement(0);
            Value failure = scenario.getMember("scenario").getMember("failure");
            assertEquals("invariant", failure.getMember("category").asString());
            assertTrue(failure.getMember("schedule").getArraySize() > 10);
            Value findings = scenario.getMember("findings");
            java.util.Set<String> categories = new java.util.HashSet<>();
            for (long i = 0; i < findings.getArraySize(); i++) {
                categories.add(findings.getArrayElement(i).getMember("category").asString());
            }
            assertTrue(categories.containsAll(java.util.List.of("race(zone.present_pages)", "violation(R1)", "invariant")), categories.toString());
        }
    }

    @Test
    void theLockGraphMarksCyclesAndGuardedCycles() throws IOException {
        scenarios();
        Path graphs = dir.resolve("graphs");
        Cli.run("check", "--graph", graphs.toString(), dir.resolve("scenarios").toString());
        String text = Files.readString(graphs.resolve("good.dot"));
        assertTrue(text.startsWith("digraph hotlock_lock_order {"), text);
        assertTrue(text.contains("\"device_hotplug_lock\" -> "), text);
        assertTrue(text.contains("color=orange, style=dashed"), "the guarded cycle of good.hlk: " + text);
        assertTrue(text.contains("[tooltip=\"") && text.contains(".hlk:"), "edges say where they were first taken");
    }
}
