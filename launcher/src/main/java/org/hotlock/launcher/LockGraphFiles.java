package org.hotlock.launcher;

import org.hotlock.launcher.picture.LockGraphPicture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code check --graph TARGET} draws each scenario's lock graph: TARGET a file
 * ({@code .svg}: the picture, {@code .dot}/{@code .gv}: Graphviz DOT) for a check of one
 * scenario; any other name is a directory that gets {@code NAME.svg} and {@code NAME.dot} per
 * scenario that recorded a dependency (a file named so is written even when it has none), NAME being the scenario's path under the PATH it was
 * found in, without {@code .hlk} ({@code check --graph graphs examples/} draws
 * {@code examples/seed/d-inversion-4.20.hlk} as {@code graphs/seed/d-inversion-4.20.svg}).
 */
final class LockGraphFiles {
    private LockGraphFiles() {
    }

    /** Whether the target names one picture (by its extension) rather than a directory of them. */
    static boolean isFile(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        return name.endsWith(".svg") || name.endsWith(".dot") || name.endsWith(".gv");
    }

    /** Why the pictures cannot go there for this many scenarios; null when they can. */
    static String problem(Path target, int scenarios) {
        if (target.toString().isEmpty()) {
            // not the working directory: an empty --graph is an unset variable, not a choice
            return "an empty path (an unset variable?); name a directory, FILE.svg or FILE.dot";
        }
        if (isFile(target)) {
            if (scenarios > 1) {
                return "one picture is drawn per scenario, and " + scenarios + " scenarios are checked: name a directory"
                        + " (--graph DIR: DIR/NAME.svg and DIR/NAME.dot for each)";
            }
            return ReportPaths.problem(target);
        }
        // a directory that is not there yet is made as a report's file would be
        return Files.isDirectory(target) ? ReportPaths.problem(target.resolve("lock-graph.svg")) : ReportPaths.problem(target);
    }

    /** Every file to write and its text: one picture (or DOT file) per scenario with a dependency. */
    static Map<Path, String> files(Path target, List<CheckResult> results) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (CheckResult r : results) {
            LockGraphPicture picture = picture(r);
            if (isFile(target)) {
                // asked for by name: drawn even when empty, saying so
                files.put(target, target.toString().endsWith(".svg") ? picture.svg() : picture.dot());
                continue;
            }
            if (r.graph.edges().isEmpty()) {
                continue;
            }
            String name = r.name.toString().replaceFirst("\\.hlk$", "");
            Path svg = target.resolve(name + ".svg");
            for (int n = 2; files.containsKey(svg); n++) {
                svg = target.resolve(name + "-" + n + ".svg");   // the same name under two PATHs
            }
            files.put(svg, picture.svg());
            files.put(Path.of(svg.toString().replaceFirst("\\.svg$", ".dot")), picture.dot());
        }
        return files;
    }

    static LockGraphPicture picture(CheckResult r) {
        return r.graph.picture(r.file.toString());
    }
}
