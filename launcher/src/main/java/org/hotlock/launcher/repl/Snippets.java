package org.hotlock.launcher.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The snippets of a session with JShell's ids: each accepted snippet gets the next number,
 * an expression's value is {@code $ID}, and /list, /drop, /edit and /ID name snippets by it.
 * A snippet that declares a name again makes the earlier one inactive (replaced), as /drop
 * does (dropped); /list shows the active ones.
 */
final class Snippets {
    enum Status { ACTIVE, REPLACED, DROPPED }

    static final class Snippet {
        final int id;
        final String text;
        final SnippetKinds.Snippet kind;
        Status status = Status.ACTIVE;

        Snippet(int id, String text, SnippetKinds.Snippet kind) {
            this.id = id;
            this.text = text;
            this.kind = kind;
        }

        /** The name it declares ({@code f}, {@code probe} of {@code thread probe}), or "". */
        String declares() {
            String name = kind.name();
            return switch (kind.kind()) {
                case FUNCTION, STRUCT, VARIABLE, CONSTANT -> name;
                case DECLARATION -> name.startsWith("kernel ") ? "kernel" : name.substring(name.indexOf(' ') + 1);
                default -> "";
            };
        }

        /**
         * What a later snippet must declare to replace this one: the kind and the name
         * ({@code fn f}, {@code var x} for a constant too, {@code thread probe}, {@code kernel}); "" for none.
         */
        String identity() {
            String name = kind.name();
            return switch (kind.kind()) {
                case FUNCTION -> "fn " + name;
                case STRUCT -> "struct " + name;
                case VARIABLE, CONSTANT -> "var " + name;
                case DECLARATION -> name.startsWith("kernel ") ? "kernel" : name;
                default -> "";
            };
        }

        boolean active() {
            return status == Status.ACTIVE;
        }
    }

    private final List<Snippet> all = new ArrayList<>();
    private int lastId;

    /** The id the next snippet gets. */
    int nextId() {
        return lastId + 1;
    }

    /** Records an accepted snippet under the id given (a replay keeps the old one); earlier ones declaring the same name are replaced. */
    Snippet add(int id, String text) {
        Snippet s = new Snippet(id, text, SnippetKinds.classify(text));
        String identity = s.identity();
        if (!identity.isEmpty()) {
            for (Snippet old : all) {
                if (old.active() && identity.equals(old.identity())) {
                    old.status = Status.REPLACED;
                }
            }
        }
        all.add(s);
        lastId = Math.max(lastId, id);
        return s;
    }

    Snippet add(String text) {
        return add(nextId(), text);
    }

    List<Snippet> all() {
        return List.copyOf(all);
    }

    List<Snippet> active() {
        return all.stream().filter(Snippet::active).toList();
    }

    /** The snippets an argument names: an id, or a declared name (active ones); empty when none. */
    List<Snippet> find(String arg) {
        List<Snippet> found = new ArrayList<>();
        String id = arg.startsWith("$") ? arg.substring(1) : arg;
        if (id.matches("\\d{1,9}")) {
            for (Snippet s : all) {
                if (s.id == Integer.parseInt(id)) {
                    found.add(s);
                }
            }
            return found;
        }
        for (Snippet s : all) {
            if (s.active() && arg.equals(s.declares())) {
                found.add(s);
            }
        }
        return found;
    }

    /** The n-th last snippet (1: the last), or null. */
    Snippet fromEnd(int n) {
        return n >= 1 && n <= all.size() ? all.get(all.size() - n) : null;
    }

    void clear() {
        all.clear();
        lastId = 0;
    }
}
