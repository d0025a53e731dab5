package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --coverage FILE}: LCOV of the kernel model. block-lifecycle.hlk writes "online" to one
 * block's state file once, on 4.19, in a single thread: store_mem_state runs once, its
 * trylock succeeds, and of its four string tests the fourth ("offline") is never reached.
 */
class KernelCoverageTest {
    private static final Path SCENARIO = ExamplesTest.REPO.resolve("examples/kernel/block-lifecycle.hlk");
    private static final Path MEMORY_4_19 = ExamplesTest.REPO.resolve("language/src/main/resources/kernel/4.19/memory.hlk");

    @TempDir
    Path dir;

    @Test
    void checkWritesLcovOfWhatTheKernelModelRan() throws IOException {
        Path lcov = dir.resolve("kernel.info");
        Cli r = Cli.run("check", "--coverage", lcov.toString(), SCENARIO.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        Map<String, Record> records = LcovFormat.parse(Files.readString(lcov));

        Record memory = records.get(MEMORY_4_19.toAbsolutePath().normalize().toString());
        assertNotNull(memory, "kernel/4.19/memory.hlk named by the path genhtml reads: " + records.keySet());
        assertEquals(1L, memory.functions.get("store_mem_state"), "one write to the state file");
        assertEquals(1L, memory.functions.get("memory_probe_store"), "one write to the probe file: " + memory.functions);
        List<String> model = Files.readAllLines(MEMORY_4_19);
        int onlineKernel = lineOf(model, "if (sysfs_streq(buf, \"online_kernel\"))");
        int offline = lineOf(model, "else if (sysfs_streq(buf, \"offline\"))");
        int begin = lineOf(model, "mem_hotplug_begin()");
        int trylockFailed = lineOf(model, "if (ret != 0) return ret");
        assertEquals(List.of("0", "1"), memory.branches.get(onlineKernel), "\"online\" is not \"online_kernel\": false once");
        assertEquals(List.of("-", "-"), memory.branches.get(offline), "never reached: the \"online\" test before it was true");
        assertEquals(List.of("0", "1"), memory.branches.get(trylockFailed), "one thread: the trylock never fails");
        assertEquals(1L, memory.lines.get(begin));
        assertEquals(0L, memory.lines.get(lineOf(model, "unlock_device_hotplug()")), "the invalid-value path did not run");

        assertTrue(records.keySet().stream().noneMatch(f -> f.contains("/4.20/")), "only the model the scenario loaded: " + records.keySet());
        assertTrue(records.keySet().stream().noneMatch(f -> f.endsWith("block-lifecycle.hlk")), "the scenario itself is not the kernel model");
        assertTrue(r.out().contains("kernel-model coverage (LCOV: " + lcov.toAbsolutePath().normalize()), r.out());
        assertTrue(r.out().contains("kernel/4.19/memory.hlk:" + offline + " store_mem_state: 'sysfs_streq(buf, \"offline\")' never evaluated"),
                "a branch of a locking path never taken: " + r.out());
    }

    @Test
    void runTakesCoverageTooAndABadPathIsAUsageError() throws IOException {
        Path lcov = dir.resolve("run.info");
        Cli r = Cli.run("run", "--coverage", lcov.toString(), SCENARIO.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertTrue(LcovFormat.parse(Files.readString(lcov)).size() > 5);
        Cli bad = Cli.run("check", "--coverage", dir.toString(), SCENARIO.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().startsWith("hotlock: --coverage " + dir + ": is a directory"), bad.err());
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(text.strip())) {
                return i + 1;
            }
        }
        throw new AssertionError("not in the model: " + text);
    }

    /** One source file's record: function counts, line counts, each branch line's counts in order. */
    record Record(Map<String, Long> functions, Map<Integer, Long> lines, Map<Integer, List<String>> branches) {
    }

    /**
     * The LCOV tracefile format as geninfo(1) defines it ("TRACEFILE FORMAT"): per source file
     * TN, SF, FN/FNDA/FNF/FNH, BRDA/BRF/BRH, DA/LF/LH, end_of_record; the totals must agree
     * with the records they count, and every line named must be a line of the file.
     */
    static final class LcovFormat {
        private static final Pattern LINE = Pattern.compile(
                "TN:[\\w-]*|SF:(/.+)|FN:(\\d+),(\\S+)|FNDA:(\\d+),(\\S+)|FNF:(\\d+)|FNH:(\\d+)"
                        + "|BRDA:(\\d+),(\\d+),(\\d+),(\\d+|-)|BRF:(\\d+)|BRH:(\\d+)|DA:(\\d+),(\\d+)|LF:(\\d+)|LH:(\\d+)|end_of_record");

        static Map<String, Record> parse(String text) throws IOException {
            assertTrue(text.endsWith("end_of_record\n"), "ends with a record's end");
            Map<String, Record> records = new HashMap<>();
            String file = null;
            Set<String> declared = new HashSet<>();
            Record r = null;
            Map<String, Integer> brdaTaken = new HashMap<>();
            int brda = 0;
            int lineCount = 0;
            long[] totals = new long[6];
            List<String> keys = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher m = LINE.matcher(line);
                assertTrue(m.matches(), "not an LCOV line: " + line);
                String key = line.split(":", 2)[0];
                if (key.equals("SF")) {
                    assertEquals(null, file, "SF inside a record");
                    file = m.group(1);
                    assertTrue(Files.isRegularFile(Path.of(file)), "genhtml reads the source: " + file);
                    lineCount = Files.readAllLines(Path.of(file)).size();
                    r = new Record(new HashMap<>(), new HashMap<>(), new HashMap<>());
                    declared.clear();
                    brda = 0;
                    brdaTaken.clear();
                    keys.clear();
                } else if (key.equals("TN")) {
                    assertEquals(null, file, "TN starts a record");
                } else {
                    assertNotNull(file, line + " outside a record");
                    keys.add(key);
                }
                switch (key) {
                    case "FN" -> {
                        assertTrue(Integer.parseInt(m.group(2)) <= lineCount, line);
                        assertTrue(declared.add(m.group(3)), "one FN per function: " + line);
                    }
                    case "FNDA" -> {
                        assertTrue(declared.contains(m.group(5)), "FNDA of a function no FN declares: " + line);
                        r.functions.put(m.group(5), Long.parseLong(m.group(4)));
                    }
                    case "FNF" -> assertEquals(declared.size(), Integer.parseInt(m.group(6)), line);
                    case "FNH" -> assertEquals(r.functions.values().stream().filter(c -> c > 0).count(), Long.parseLong(m.group(7)), line);
                    case "BRDA" -> {
                        int at = Integer.parseInt(m.group(8));
                        assertTrue(at <= lineCount, line);
                        brda++;
                        brdaTaken.merge(m.group(11).equals("-") || m.group(11).equals("0") ? "no" : "yes", 1, Integer::sum);
                        r.branches.computeIfAbsent(at, k -> new ArrayList<>()).add(m.group(11));
                    }
                    case "BRF" -> assertEquals(brda, Integer.parseInt(m.group(12)), line);
                    case "BRH" -> assertEquals(brdaTaken.getOrDefault("yes", 0), Integer.parseInt(m.group(13)), line);
                    case "DA" -> {
                        int at = Integer.parseInt(m.group(14));
                        assertTrue(at >= 1 && at <= lineCount, line);
                        assertEquals(null, r.lines.put(at, Long.parseLong(m.group(15))), "one DA per line: " + line);
                    }
                    case "LF" -> assertEquals(r.lines.size(), Integer.parseInt(m.group(16)), line);
                    case "LH" -> assertEquals(r.lines.values().stream().filter(c -> c > 0).count(), Long.parseLong(m.group(17)), line);
                    case "end_of_record" -> {
                        assertEquals(List.of("FNF", "FNH", "BRF", "BRH", "LF", "LH"),
                                keys.stream().filter(k -> k.matches("FNF|FNH|BRF|BRH|LF|LH")).toList(), "each total once, in order: " + file);
                        assertFalse(records.containsKey(file), "one record per file: " + file);
                        records.put(file, r);
                        file = null;
                    }
                    default -> {
                    }
                }
            }
            return records;
        }
    }
}
