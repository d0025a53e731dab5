package org.hotlock.launcher.repl;

import org.hotlock.launcher.repl.SnippetKinds.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The REPL's reading of a snippet's kind agrees with the parser's shapes (spec/grammar.md),
 * contextual words included: they declare only in their exact shape.
 */
class SnippetKindsTest {
    private static void assertKind(String snippet, Kind kind, String name) {
        assertEquals(new SnippetKinds.Snippet(kind, name), SnippetKinds.classify(snippet), snippet);
    }

    @Test
    void functionsStructsVariablesAndConstants() {
        assertKind("fn f() { return 1 }", Kind.FUNCTION, "f");
        assertKind("fn   /* gap */ g(a) { return a }", Kind.FUNCTION, "g");
        assertKind("patch fn online_pages(pfn, nr_pages, online_type) { return 0 }", Kind.FUNCTION, "online_pages");
        assertKind("patch + 1", Kind.EXPRESSION, "");
        assertKind("struct zone2 { n = 0 }", Kind.STRUCT, "zone2");
        assertKind("var x = 3", Kind.VARIABLE, "x");
        assertKind("var y", Kind.VARIABLE, "y");
        assertKind("const LIMIT = 4G", Kind.CONSTANT, "LIMIT");
    }

    @Test
    void declarationsInTheirShapes() {
        assertKind("kernel \"4.19\"", Kind.DECLARATION, "kernel 4.19");
        assertKind("kernel /* which */ \"4.20\"", Kind.DECLARATION, "kernel 4.20");
        assertKind("kernel \"4\\\"19\"", Kind.DECLARATION, "kernel 4\"19");
        assertKind("machine box { node 0 { boot 0..4G } }", Kind.DECLARATION, "machine box");
        assertKind("thread probe { yield() }", Kind.DECLARATION, "thread probe");
        assertKind("thread /* c */ admin\n{ yield() }", Kind.DECLARATION, "thread admin");
        assertKind("rule R9 \"text\" { on write zone.n require held(device_hotplug_lock) }", Kind.DECLARATION, "rule R9");
        assertKind("shared zone.present_pages", Kind.DECLARATION, "shared zone.present_pages");
        assertKind("shared zone . present_pages", Kind.DECLARATION, "shared zone.present_pages");
    }

    @Test
    void statements() {
        assertKind("run { probe, admin }", Kind.STATEMENT, "run");
        assertKind("explore { probe } expect clean", Kind.STATEMENT, "explore");
        assertKind("pct { probe }", Kind.STATEMENT, "pct");
        assertKind("expect race(zone.present_pages)", Kind.STATEMENT, "expect");
        assertKind("if (x > 1) { print(x) }", Kind.STATEMENT, "");
        assertKind("while (false) { }", Kind.STATEMENT, "");
        assertKind("for (i in [1, 2]) { print(i) }", Kind.STATEMENT, "");
        assertKind("{ var inner = 1 }", Kind.STATEMENT, "");
        assertKind("return 1", Kind.STATEMENT, "");
        assertKind("break", Kind.STATEMENT, "");
        assertKind("continue", Kind.STATEMENT, "");
    }

    @Test
    void contextualWordsOutOfShapeAreNames() {
        assertKind("kernel", Kind.EXPRESSION, "");
        assertKind("kernel\n\"4.19\"", Kind.EXPRESSION, "");
        assertKind("kernel // the model\n\"4.19\"", Kind.EXPRESSION, "");
        assertKind("expect\nclean", Kind.EXPRESSION, "");
        assertKind("expect /*\n*/ clean", Kind.EXPRESSION, "");
        assertKind("thread = 4", Kind.EXPRESSION, "");
        assertKind("run", Kind.EXPRESSION, "");
        assertKind("machine.name", Kind.EXPRESSION, "");
        assertKind("shared a..b", Kind.EXPRESSION, "");
        assertKind("rule(1)", Kind.EXPRESSION, "");
    }

    @Test
    void everythingElseIsAnExpression() {
        assertKind("40 + 2", Kind.EXPRESSION, "");
        assertKind("$1 * 2", Kind.EXPRESSION, "");
        assertKind("x = 5", Kind.EXPRESSION, "");
        assertKind("x += 1", Kind.EXPRESSION, "");
        assertKind("x++", Kind.EXPRESSION, "");
        assertKind("\"text\"", Kind.EXPRESSION, "");
        assertKind("null", Kind.EXPRESSION, "");
        assertKind("print(\"printed\")", Kind.EXPRESSION, "");
        assertKind("sysfs.write(\"/sys/devices/system/memory/probe\", 4G)", Kind.EXPRESSION, "");
    }
}
