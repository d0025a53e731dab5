package org.hotlock.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SARIF of {@code check examples/}: valid SARIF 2.1.0, located in the user's repository, fingerprinted by identity. */
class SarifTest {
    @TempDir
    static Path dir;
    static String text;
    static JsonNode run;
    static final Path ROOT = ExamplesTest.REPO.toAbsolutePath().normalize();

    @BeforeAll
    static void checkTheExamples() throws Exception {
        Path sarif = dir.resolve("examples.sarif");
        Cli r = Cli.run("check", "--jobs", "2", "--sarif", sarif.toString(), ExamplesTest.REPO.resolve("examples").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        text = Files.readString(sarif);
        run = Json.read(text).get("runs").get(0);
    }

    @Test
    void theReportValidatesAgainstTheOfficialSarif210Schema() throws Exception {
        Schema schema;
        try (InputStream in = SarifTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors.toString());
        // and the schema does catch a broken report: a result without its message
        List<Error> broken = schema.validate(text.replaceFirst("\"message\": \\{", "\"massage\": {"), InputFormat.JSON);
        assertFalse(broken.isEmpty());
    }

    @Test
    void everyResultIsFirstLocatedAtTheUsersScenarioLine() throws Exception {
        JsonNode results = run.get("results");
        assertTrue(results.size() > 50, "the examples have many findings: " + results.size());
        for (JsonNode r : results) {
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            JsonNode artifact = physical.get("artifactLocation");
            assertEquals("%SRCROOT%", artifact.get("uriBaseId").asText(), r.toString());
            Path file = ROOT.resolve(artifact.get("uri").asText());
            assertTrue(artifact.get("uri").asText().startsWith("examples/") && artifact.get("uri").asText().endsWith(".hlk"), artifact.toString());
            assertTrue(Files.isRegularFile(file), file.toString());
            int line = physical.get("region").get("startLine").asInt();
            assertTrue(line >= 1 && line <= Files.readAllLines(file).size(), "a line of " + file + ": " + line);
        }
    }

    @Test
    void theSourceRootIsTheRepositoryAndTheKernelModelsAreRelatedLocations() {
        JsonNode bases = run.get("originalUriBaseIds");
        List<String> keys = new ArrayList<>();
        bases.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("%SRCROOT%", "HOTLOCK_MODELS"), keys, "a stable order");
        String root = bases.get("%SRCROOT%").get("uri").asText();
        assertEquals(ROOT.toUri().toString(), root);
        assertTrue(root.endsWith("/") && !root.equals("file:///"), root);
        assertTrue(bases.get("HOTLOCK_MODELS").get("uri").asText().endsWith("/"));
        // the kernel-model lines come along as related locations, and as the code flow's steps
        JsonNode first = run.get("results").get(0);
        boolean model = false;
        for (JsonNode rel : first.get("relatedLocations")) {
            JsonNode a = rel.get("physicalLocation").get("artifactLocation");
            model |= a.get("uriBaseId").asText().equals("HOTLOCK_MODELS") && a.get("uri").asText().startsWith("kernel/");
        }
        assertTrue(model, first.toString());
        JsonNode flow = first.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
        assertEquals("%SRCROOT%", flow.get(0).get("location").get("physicalLocation").get("artifactLocation").get("uriBaseId").asText(),
                "a call path starts at the user's line");
        assertEquals("HOTLOCK_MODELS", flow.get(flow.size() - 1).get("location").get("physicalLocation").get("artifactLocation").get("uriBaseId").asText());
    }

    @Test
    void aDeadlockCarriesItsInterleavingAsThreadFlows() {
        JsonNode deadlock = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("deadlock")) {
                deadlock = r;
            }
        }
        assertTrue(deadlock != null, "deadlock-2015.hlk deadlocks");
        JsonNode interleaving = deadlock.get("codeFlows").get(deadlock.get("codeFlows").size() - 1);
        assertTrue(interleaving.get("message").get("text").asText().startsWith("the failing interleaving"), interleaving.toString());
        List<String> threads = new ArrayList<>();
        int steps = 0;
        for (JsonNode tf : interleaving.get("threadFlows")) {
            threads.add(tf.get("id").asText());
            steps += tf.get("locations").size();
        }
        assertTrue(threads.containsAll(List.of("udev", "kworker")), threads.toString());
        assertTrue(steps > 10, "every step: " + steps);
    }

    /**
     * Two races in one function that differ only by line have the same identity (it names
     * functions, so that an edit elsewhere keeps it): the later one's fingerprint carries its
     * order, so a code-scanning tool does not merge them.
     */
    @Test
    void findingsThatDifferOnlyByLineKeepDistinctFingerprints() throws Exception {
        Path scenario = dir.resolve("two-races.hlk");
        Files.writeString(scenario, """
                kernel "4.20"
                machine box { node 0 { boot 0..4G } }
                struct cell { v = 0; w = 0 }
                shared cell.v
                const x = new cell {}
                fn touch() {
                  x.v = 1
                  x.v = 2
                }
                thread a { touch() }
                thread b { touch() }
                explore { a, b } expect race(cell.v)
                """);
        Path sarif = dir.resolve("two-races.sarif");
        Cli r = Cli.run("check", "--sarif", sarif.toString(), scenario.toString());
        JsonNode results = Json.read(Files.readString(sarif)).get("runs").get(0).get("results");
        assertTrue(results.size() >= 2, r.out() + r.err() + results);
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode result : results) {
            String fp = result.get("partialFingerprints").get("hotlock/v2").asText();
            assertTrue(fp.matches("[0-9a-f]{64}(:[0-9]+)?"), fp);
            assertTrue(fingerprints.add(fp), "two results share a fingerprint: " + results);
        }
        assertTrue(fingerprints.stream().anyMatch(fp -> fp.endsWith(":2")), "the identities were the same: " + fingerprints);
    }

    @Test
    void fingerprintsAreSha256OfTheFindingsIdentityAndDistinct() {
        Map<String, String> seen = new HashMap<>();
        Map<String, String> cycles = new HashMap<>();
        for (JsonNode r : run.get("results")) {
            String fp = r.get("partialFingerprints").get("hotlock/v2").asText();
            assertTrue(fp.matches("[0-9a-f]{64}(:[0-9]+)?"), fp);
            String message = r.get("message").get("text").asText();
            String where = r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
            String before = seen.put(fp, where + ": " + message);
            assertTrue(before == null, "two results share a fingerprint: " + before + " and " + where + ": " + message);
            if (where.endsWith("seed/a1-online-store-4.20.hlk") && r.get("ruleId").asText().equals("guarded_cycle")) {
                cycles.put(message.replaceFirst("^.*: ", "").replaceFirst(" \\(seen.*", ""), fp);
            }
        }
        // the two cycles the 32-bit hash of the first stack merged
        String memDevMem = cycles.get("mem_hotplug_lock --> &dev->mutex --> mem_hotplug_lock");
        String memDevCpu = cycles.get("mem_hotplug_lock --> &dev->mutex --> cpu_hotplug_lock --> mem_hotplug_lock");
        assertTrue(memDevMem != null && memDevCpu != null, cycles.toString());
        assertNotEquals(memDevMem, memDevCpu);
    }

    @Test
    void theSameCheckWritesTheSameFingerprints() throws Exception {
        Path again = dir.resolve("again.sarif");
        Cli.run("check", "--sarif", again.toString(), ExamplesTest.REPO.resolve("examples/seed").toString());
        List<String> these = new ArrayList<>();
        for (JsonNode r : Json.read(Files.readString(again)).get("runs").get(0).get("results")) {
            these.add(r.get("partialFingerprints").get("hotlock/v2").asText());
        }
        List<String> before = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            before.add(r.get("partialFingerprints").get("hotlock/v2").asText());
        }
        assertTrue(before.containsAll(these), "a scenario's findings keep their fingerprints whichever paths were checked with it");
    }
}
