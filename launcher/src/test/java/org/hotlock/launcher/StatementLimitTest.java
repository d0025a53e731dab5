package org.hotlock.launcher;

import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the statement limit counts: what the user wrote, not the shipped kernel models. */
class StatementLimitTest {

    @Test
    void aScriptFileAndASnippetCountAKernelModelDoesNot() throws IOException {
        Path dir = Files.createTempDirectory("hotlock-limit");
        Path kernelDir = Files.createDirectories(dir.resolve("kernel"));
        Path file = Files.writeString(kernelDir.resolve("mine.hlk"), "1\n");
        // a user's file counts even in a directory called kernel/
        assertTrue(Contexts.countsStatements(Source.newBuilder("hotlock", file.toFile()).name("kernel/mine.hlk").build()));
        assertTrue(Contexts.countsStatements(Source.create("hotlock", "while (true) { }")));
        assertFalse(Contexts.countsStatements(Source.newBuilder("hotlock", "fn f() { }", "kernel/common/core.hlk").buildLiteral()));
    }
}
