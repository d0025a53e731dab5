package org.hotlock.embed;

import org.junit.jupiter.api.Test;

import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade uses the public polyglot API only. The build already enforces it (the language
 * is a runtime dependency of this module, not a compile one); this test states the rule and
 * checks the compiled facade: no class name, descriptor or string in any of its classes'
 * constant pools names HotLock's language or Truffle, only {@code org.hotlock.embed} itself.
 */
class PublicApiOnlyTest {
    private static final List<String> FORBIDDEN = List.of("org/hotlock/", "org.hotlock.", "com/oracle/truffle/", "com.oracle.truffle.");
    private static final List<String> ALLOWED = List.of("org/hotlock/embed/", "org.hotlock.embed.");

    @Test
    void theFacadeReferencesNothingButThePolyglotApiAndItself() throws Exception {
        Path classes = Path.of(HotLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/hotlock/embed");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no compiled facade under " + classes);
        List<String> offending = new ArrayList<>();
        boolean usesPolyglot = false;
        for (Path file : files) {
            for (PoolEntry entry : ClassFile.of().parse(file).constantPool()) {
                if (entry instanceof Utf8Entry utf8) {
                    String s = utf8.stringValue();
                    usesPolyglot |= s.contains("org/graalvm/polyglot/");
                    if (forbidden(s)) {
                        offending.add(classes.relativize(file) + ": " + s);
                    }
                }
            }
        }
        assertTrue(usesPolyglot, "the scan sees the facade's polyglot references");
        assertEquals(List.of(), offending);
    }

    /** True when s names anything under org.hotlock or com.oracle.truffle outside org.hotlock.embed. */
    private static boolean forbidden(String s) {
        for (String prefix : FORBIDDEN) {
            for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, i + 1)) {
                int at = i;
                if (ALLOWED.stream().noneMatch(allowed -> s.startsWith(allowed, at))) {
                    return true;
                }
            }
        }
        return false;
    }
}
