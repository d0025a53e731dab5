package org.hotlock.launcher;

import org.hotlock.launcher.picture.LockGraphPicture;
import org.hotlock.launcher.picture.LockGraphPicture.Cycle;
import org.hotlock.launcher.picture.LockGraphPicture.Dependency;
import org.hotlock.launcher.picture.LockGraphPicture.Style;
import org.hotlock.launcher.picture.SvgRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pictures of {@code check --graph} and {@code --sequence}, rendered to PNG as a person
 * would see them (SvgRaster; the PNGs are kept in target/pictures to look at) and measured.
 */
class PicturesTest {
    /** GitHub's page width for a README's picture. */
    static final int PAGE_WIDTH = 880;
    static final Path SEED = ExamplesTest.REPO.resolve("examples/seed");

    @TempDir
    Path dir;

    private static SvgRaster look(String svg, String name) throws Exception {
        SvgRaster r = new SvgRaster(svg, 0);
        Path pictures = Path.of("target", "pictures");
        Files.createDirectories(pictures);
        r.writePng(pictures.resolve(name + ".png"));
        return r;
    }

    @Test
    void anArrowIsRedOnlyWhenItIsAStepOfARealCycle() {
        // a -> b -> c -> a is a real cycle; a -> c closes only the cycle a, c, which gate g guards:
        // both its ends are on the real cycle, but it is no step of it
        List<Dependency> deps = List.of(new Dependency("g", "a", "f (s.hlk:1)"), new Dependency("g", "c", "f (s.hlk:1)"),
                new Dependency("a", "b", "f (s.hlk:2)"), new Dependency("b", "c", "f (s.hlk:3)"),
                new Dependency("c", "a", "take_a (s.hlk:4)"), new Dependency("a", "c", "take_c (s.hlk:5)"));
        LockGraphPicture p = new LockGraphPicture("s.hlk", deps,
                List.of(new Cycle(List.of("a", "b", "c"), List.of()), new Cycle(List.of("c", "a"), List.of("g"))));
        assertEquals(Style.CYCLE, p.style(deps.get(2)));
        assertEquals(Style.CYCLE, p.style(deps.get(4)), "c -> a is a step of both: the real one wins");
        assertEquals(Style.GUARDED, p.style(deps.get(5)), "a -> c is a step of the guarded cycle only");
        assertEquals(Style.PLAIN, p.style(deps.get(0)));
        String svg = p.svg();
        String ac = svg.substring(svg.indexOf("<title>a -&gt; c: first taken at take_c (s.hlk:5)</title>"));
        ac = ac.substring(0, ac.indexOf("</g>"));
        assertTrue(ac.contains("stroke=\"#e07000\"") && ac.contains("stroke-dasharray"), "orange and dashed: " + ac);
        String dot = p.dot();
        assertTrue(dot.contains("\"a\" -> \"c\" [tooltip=\"take_c (s.hlk:5)\", color=orange, style=dashed, label=\"take_c\"]"), dot);
        assertTrue(dot.contains("\"c\" -> \"a\" [tooltip=\"take_a (s.hlk:4)\", color=red"), dot);
        assertTrue(dot.contains("\"g\" [peripheries=2]"), "the gate is drawn double: " + dot);
    }

    @Test
    void theReadmesGraphIsOneScenarioTopDownWithALegendAndLegibleAtPageWidth() throws Exception {
        Path svg = dir.resolve("g.svg");
        Cli r = Cli.run("check", "--graph", svg.toString(), SEED.resolve("d-inversion-4.20.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("lock graph: " + svg), r.out());
        String text = Files.readString(svg);
        SvgRaster picture = look(text, "lock-graph-d-inversion-4.20");
        assertTrue(picture.image.getWidth() <= PAGE_WIDTH, "drawn no wider than a page, so never scaled down: " + picture.image.getWidth());
        for (SvgRaster.DrawnText t : picture.texts) {
            assertTrue(t.fontPixels() >= 11, "text at least 11 px high at page width: " + t);
        }
        List<SvgRaster.DrawnText> boxes = picture.texts.stream().filter(t -> t.text().endsWith("_lock") || t.text().contains("->")).toList();
        assertTrue(boxes.size() >= 6, "the lock classes: " + boxes);
        for (int i = 0; i < picture.texts.size(); i++) {
            for (int j = i + 1; j < picture.texts.size(); j++) {
                Rectangle2D a = picture.texts.get(i).bounds();
                Rectangle2D b = picture.texts.get(j).bounds();
                assertFalse(a.intersects(b), "texts overlap: " + picture.texts.get(i) + " and " + picture.texts.get(j));
            }
        }
        // top down: device_hotplug_lock, taken first, above mem_hotplug_lock, above the device lock
        assertTrue(y(picture, "device_hotplug_lock") < y(picture, "mem_hotplug_lock"));
        assertTrue(y(picture, "mem_hotplug_lock") < y(picture, "&dev->mutex"));
        assertTrue(text.contains("on a cycle guarded by device_hotplug_lock: cannot deadlock"), "a legend");
        assertTrue(picture.texts.stream().anyMatch(t -> t.text().equals("device_lock")), "a cycle's arrows are labelled with the function");
        assertFalse(text.contains("kernel/common/core.hlk:21</text>"), "no long place as a label (it is the tooltip)");
    }

    private static double y(SvgRaster picture, String text) {
        return picture.texts.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text)).bounds().getY();
    }

    @Test
    void checkDrawsOnePicturePerScenarioIntoADirectory() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        Files.createDirectories(scenarios.resolve("deep"));
        Files.copy(SEED.resolve("deadlock-2015.hlk"), scenarios.resolve("deep/deadlock-2015.hlk"));
        Files.copy(SEED.resolve("d-inversion-4.20.hlk"), scenarios.resolve("d-inversion-4.20.hlk"));
        Files.writeString(scenarios.resolve("no-locks.hlk"), "print(1)\n");
        Path graphs = dir.resolve("graphs");
        Cli r = Cli.run("check", "--graph", graphs.toString(), scenarios.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("lock graphs: " + graphs + " (2 scenarios, NAME.svg and NAME.dot each)"), r.out());
        assertTrue(Files.isRegularFile(graphs.resolve("deep/deadlock-2015.svg")));
        assertTrue(Files.readString(graphs.resolve("deep/deadlock-2015.dot")).contains("rankdir=TB"));
        assertTrue(Files.isRegularFile(graphs.resolve("d-inversion-4.20.svg")));
        assertFalse(Files.exists(graphs.resolve("no-locks.svg")), "a scenario that took no lock under another has no graph");
        SvgRaster deadlock = look(Files.readString(graphs.resolve("deep/deadlock-2015.svg")), "lock-graph-deadlock-2015");
        assertTrue(deadlock.texts.stream().anyMatch(t -> t.text().startsWith("8 lock classes, ") && t.text().contains(", 2 cycles")),
                deadlock.texts.toString());

        Cli one = Cli.run("check", "--graph", dir.resolve("all.svg").toString(), scenarios.toString());
        assertEquals(ExitCodes.USAGE, one.exitCode(), one.out() + one.err());
        assertTrue(one.err().contains("one picture is drawn per scenario, and 3 scenarios are checked: name a directory"), one.err());
        assertEquals("", one.out(), "refused before any scenario ran");
    }

    @Test
    void theSequencePictureMarksBlockedAttemptsAndEndsWithTheWaitForCycle() throws Exception {
        Path svg = dir.resolve("s.svg");
        Cli r = Cli.run("check", "--sequence", svg.toString(), SEED.resolve("deadlock-2015.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        SvgRaster picture = look(Files.readString(svg), "sequence-deadlock-2015");
        List<String> texts = picture.texts.stream().map(SvgRaster.DrawnText::text).toList();
        assertTrue(texts.contains("blocked: waits for device_lock(memory32)"), texts.toString());
        assertTrue(texts.contains("blocked: waits for mem_hotplug_lock"), texts.toString());
        assertEquals("deadlock, wait-for cycle: kworker -[device_lock(memory32)]-> udev -[mem_hotplug_lock]-> kworker", texts.getLast());
        // no step's text runs into the next thread's lifeline
        double udev = x(picture, "udev");
        double kworker = x(picture, "kworker");
        double[] lifelines = {Math.min(udev, kworker), Math.max(udev, kworker)};
        for (SvgRaster.DrawnText t : picture.texts) {
            Rectangle2D b = t.bounds();
            if (b.getY() > picture.texts.get(3).bounds().getY() && b.getX() < lifelines[1] && b.getX() > lifelines[0]) {
                assertTrue(b.getMaxX() < lifelines[1], "text crosses the next lifeline: " + t);
            }
        }
    }

    private static double x(SvgRaster picture, String text) {
        return picture.texts.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text)).bounds().getX();
    }

    @Test
    void aSequencePictureOfAnotherFailureEndsWithItsCategory() throws IOException {
        Path svg = dir.resolve("s.svg");
        Cli r = Cli.run("check", "--sequence", svg.toString(), SEED.resolve("lost-update-4.19.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains(">invariant after step "), text);
        assertFalse(text.contains("blocked:"), "no thread was blocked");
    }
}
