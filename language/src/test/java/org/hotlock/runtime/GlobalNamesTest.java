package org.hotlock.runtime;

import org.junit.jupiter.api.Test;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Naming every defined global (the REPL's /vars, its echo after /open, completion) once per
 * name: looking a name up by its index must not walk the names, or a session of n globals costs
 * n² (issue 17: a 200k-line /open took 24 s, 50k lines 2.4 s).
 */
class GlobalNamesTest {
    /** The index map, counting every entry a walk over it visits. */
    private static final class CountingMap extends ConcurrentHashMap<String, Integer> {
        private static final long serialVersionUID = 1L;
        long visited;

        @Override
        public Set<Map.Entry<String, Integer>> entrySet() {
            Set<Map.Entry<String, Integer>> entries = super.entrySet();
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Integer>> iterator() {
                    Iterator<Map.Entry<String, Integer>> it = entries.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<String, Integer> next() {
                            visited++;
                            return it.next();
                        }
                    };
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }
    }

    @Test
    void namingEveryGlobalVisitsEachNameAtMostOnce() {
        CountingMap map = new CountingMap();
        GlobalNames names = new GlobalNames(map);
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            assertEquals(i, names.indexOf("v" + i));
        }
        for (int i = 0; i < n; i++) {
            assertEquals("v" + i, names.nameOf(i));
        }
        assertTrue(map.visited <= n, "naming " + n + " globals walked " + map.visited + " map entries");
        assertEquals("$" + n, names.nameOf(n), "an index no name has");
    }
}
