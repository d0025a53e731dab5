package org.hotlock.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fuzzers' inputs: random text, token soup, and the project's own scenarios mutated
 * (truncated, cut, duplicated, lines swapped, tokens inserted, literals made huge, expressions
 * nested deep). FuzzTest runs them in a context; EmbeddingFuzzTest in sandboxed contexts that
 * another thread closes.
 */
final class FuzzInputs {
    static final Path REPO = Path.of(System.getProperty("hotlock.repo", ".."));
    static final List<String> SEEDS = seeds();
    static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", "\"", ",", ";", "\n", "fn ", "var ", "if (", "else ",
            "while (true) ", "for x in ", "return ", "break", "struct s { a }", "new s { a: 1 }", "kernel \"4.19\"", "kernel \"4.20\"",
            "machine m { node 0 { boot 0..1G; hotpluggable 1G..2G } }", "thread t { yield() }", "explore { t }", "run { t }",
            "expect clean", "rule X \"x\" { on call f require held(device_hotplug_lock) }", "shared zone.present_pages",
            "sysfs.write(\"/sys/devices/system/memory/probe\", 1G)", "sysfs.read(\"/nope\")", "99999999999999999999999",
            "0x", "0xFFFFFFFFFFFFFFFFFF", "-9223372036854775808", "4G..", "..", "= ", "+= ", "++", "->", "$1", "/*", "*/", "//",
            "\\", "\u0000", "\u00e9", "spawn(f)", "join(1)", "mutex_lock(device_hotplug_lock)", "BUG_ON(true)", "1 / 0",
            "null.x", "[1][5]", "f(f(f(f())))", "print(", "\"unclosed", "shared atomic s.a", "wait_while(s, \"a\", 1)",
            "queue_work(f, 1)", "current_comm()", "pin_pages(0, 1, \"busy\")", "send_signal(\"t\")");

    private FuzzInputs() {
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (Path dir : List.of(REPO.resolve("examples"), Path.of("src/test/resources/programs"))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".hlk")).sorted().forEach(p -> {
                    try {
                        seeds.add(Files.readString(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    static String text(Random r) {
        switch (r.nextInt(3)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) {
                    sb.append((char) r.nextInt(r.nextBoolean() ? 128 : 0x10000));
                }
                return sb.toString();
            }
            case 1 -> {
                String alphabet = "{}()[]\",;.=+-*/<>!&|^~?:0123456789abcxyzGKMT \n\"\\$";
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(300);
                for (int i = 0; i < n; i++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                return sb.toString();
            }
            default -> {
                List<String> words = new ArrayList<>();
                int n = r.nextInt(40);
                for (int i = 0; i < n; i++) {
                    words.add(TOKENS.get(r.nextInt(TOKENS.size())));
                }
                return String.join(" ", words);
            }
        }
    }

    static String mutated(Random r) {
        return mutate(SEEDS.get(r.nextInt(SEEDS.size())), r.nextInt(100_000), r.nextInt(100_000), r.nextInt(8),
                TOKENS.get(r.nextInt(TOKENS.size())));
    }

    static String mutate(String s, int a, int b, int op, String token) {
        int n = s.length();
        int i = n == 0 ? 0 : a % (n + 1);
        int j = n == 0 ? 0 : b % (n + 1);
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return switch (op) {
            case 0 -> s.substring(0, i);                                   // truncated
            case 1 -> s.substring(0, lo) + s.substring(hi);                // a range cut out
            case 2 -> s.substring(0, hi) + s.substring(lo, hi) + s.substring(hi); // a range repeated
            case 3 -> s.substring(0, i) + token + s.substring(i);          // a token inserted
            case 4 -> s.replaceAll("\\b\\d+\\b", "9" + "9".repeat(a % 40)); // literals made huge
            case 5 -> {                                                    // two lines swapped
                String[] lines = s.split("\n", -1);
                int x = a % lines.length;
                int y = b % lines.length;
                String t = lines[x];
                lines[x] = lines[y];
                lines[y] = t;
                yield String.join("\n", lines);
            }
            case 6 -> "(".repeat(a % 2000) + "1" + ")".repeat(b % 2000); // deep nesting
            default -> "fn f(n) { return " + "{".repeat(a % 700) + "f(n + 1)" + "}".repeat(b % 700) + " }\nf(0)";
        };
    }
}
