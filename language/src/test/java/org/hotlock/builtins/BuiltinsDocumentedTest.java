package org.hotlock.builtins;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every builtin a script can call is in the spec (issue 15, item 9: lock_graph() was not). */
class BuiltinsDocumentedTest {
    @Test
    void everyBuiltinIsInTheSpec() throws IOException {
        StringBuilder spec = new StringBuilder();
        try (var files = Files.list(Path.of("..", "spec"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                spec.append(Files.readString(f));
            }
        }
        List<String> missing = new ArrayList<>();
        for (BuiltinSpec b : BuiltinRegistry.all()) {
            if (!spec.toString().contains("`" + b.name() + "(")) {
                missing.add(b.name());
            }
        }
        assertEquals(List.of(), missing, "builtins the spec does not name as `name(...)`");
    }
}
