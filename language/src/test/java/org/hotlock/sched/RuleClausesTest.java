package org.hotlock.sched;

import org.hotlock.check.Expectations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R4's two clauses are rules of their own, R4a and R4b; violation(R4) still expects either (issue 15, item 9). */
class RuleClausesTest {

    private static final String BLOCK_4_19 = """
            kernel "4.19"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
            }
            lock_device_hotplug()
            sysfs.write("/sys/devices/system/memory/probe", "0x100000000")
            unlock_device_hotplug()
            """;

    /** On 4.19, memoryN/online onlines without mem_hotplug_lock: bug (a), present pages changed without it. */
    private static final String ONLINE = "sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"1\")\n";
    /** On 4.19, memoryN/state holds mem_hotplug_lock across device_online(). */
    private static final String STATE = """
            sysfs.write("/sys/devices/system/memory/memory32/state", "online")
            """;

    @Test
    void eachClauseHasItsOwnId() {
        String[] online = SchedulerTest.run(BLOCK_4_19 + ONLINE + "expect violation(R4a)\n", Map.of());
        assertNull(online[1], online[0]);
        assertTrue(online[0].contains("[violation(R4a)] R4a: mem_hotplug_lock must be held for write around every change of zone or node present pages"), online[0]);
        assertFalse(online[0].contains("violation(R4b)"), online[0]);
        String[] state = SchedulerTest.run(BLOCK_4_19 + STATE + "expect violation(R4b)\n", Map.of());
        assertNull(state[1], state[0]);
        assertTrue(state[0].contains("[violation(R4b)] R4b: mem_hotplug_lock must not be held across device_online()/device_offline()"), state[0]);
        assertFalse(state[0].contains("violation(R4a)"), state[0]);
    }

    @Test
    void violationR4ExpectsEitherClauseOrBoth() {
        String[] r = SchedulerTest.run(BLOCK_4_19 + ONLINE + "expect violation(R4)\n"
                + "sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"0\")\n" + STATE + "expect violation(R4)\n", Map.of());
        assertNull(r[1], r[0]);
        assertTrue(r[0].contains("expectation met: violation(R4a)\n"), r[0]);
        assertTrue(r[0].contains("expectation met: violation(R4b)") || r[0].contains("expectation met: violation(R4a), violation(R4b)")
                || r[0].contains("expectation met: violation(R4b), violation(R4a)"), r[0]);
    }

    @Test
    void aClauseExpectedIsNotTheOther() {
        String[] r = SchedulerTest.run(BLOCK_4_19 + STATE + "expect violation(R4a)\n", Map.of());
        assertTrue(r[1] != null && r[1].contains("- missing:    violation(R4a)") && r[1].contains("+ unexpected: violation(R4b)"), r[0] + r[1]);
    }

    /** A clause equal to R4b's, in a rule of the user's: each rule answers for its own violation. */
    @Test
    void twoRulesWithTheSameClauseEachReportTheirViolation() {
        String mine = "rule MINE \"R4b's clause, copied\" { on call device_online, device_offline require not held(mem_hotplug_lock) }\n";
        String[] r = SchedulerTest.run(BLOCK_4_19 + mine + STATE + "expect violation(R4b), violation(MINE)\n", Map.of());
        assertNull(r[1], r[0]);
        assertTrue(r[0].contains("[violation(R4b)] R4b: mem_hotplug_lock must not be held across device_online()/device_offline()"), r[0]);
        assertTrue(r[0].contains("[violation(MINE)] MINE: R4b's clause, copied"), r[0]);
        assertFalse(r[0].contains("seen 2 times"), "neither rule takes the other's violation: " + r[0]);
    }

    @Test
    void aRuleAnswersForItsClausesOnly() {
        assertTrue(Expectations.answers("violation(R4)", "violation(R4a)"));
        assertTrue(Expectations.answers("violation(R4)", "violation(R4)"));
        assertFalse(Expectations.answers("violation(R4a)", "violation(R4)"), "a clause does not answer for the whole rule");
        assertFalse(Expectations.answers("violation(R1)", "violation(R10)"), "R10 is another rule");
        assertFalse(Expectations.answers("violation(R4)", "violation(R4ab)"));
        assertFalse(Expectations.answers("race(R4)", "race(R4a)"));
        assertNull(Expectations.check(List.of("violation(R4)"), List.of("violation(R4a)", "violation(R4b)")));
        assertEquals("the outcome differs from the expectation\n  expected: violation(R4)\n  found:    clean\n  - missing:    violation(R4)\n",
                Expectations.check(List.of("violation(R4)"), List.of()));
    }
}
