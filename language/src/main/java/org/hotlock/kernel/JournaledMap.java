package org.hotlock.kernel;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sorted kernel table (the sysfs files, the registered blocks) that an execution changes a
 * little and a restore puts back before every execution: each change since the last restore
 * is kept with the entry it replaced, so restoring the same saved table again undoes just
 * those instead of rebuilding the table.
 */
final class JournaledMap<K, V> {
    private final TreeMap<K, V> map = new TreeMap<>();
    private final NavigableMap<K, V> view = Collections.unmodifiableNavigableMap(map);
    /** Each key changed since the last restore and what it held (null: nothing), in order. */
    private final List<Map.Entry<K, V>> undo = new ArrayList<>();
    private SortedMap<K, V> lastRestored;

    /** The table, to read: every change goes through this class. */
    NavigableMap<K, V> view() {
        return view;
    }

    V get(K key) {
        return map.get(key);
    }

    V put(K key, V value) {
        V old = map.put(key, value);
        changed(key, old);
        return old;
    }

    V remove(K key) {
        V old = map.remove(key);
        changed(key, old);
        return old;
    }

    /** Removes the keys from {@code from} (inclusive) to {@code to} (exclusive). */
    void removeRange(K from, K to) {
        SortedMap<K, V> gone = map.subMap(from, to);
        for (Map.Entry<K, V> e : gone.entrySet()) {
            changed(e.getKey(), e.getValue());
        }
        gone.clear();
    }

    private void changed(K key, V old) {
        if (lastRestored != null) {
            undo.add(new AbstractMap.SimpleImmutableEntry<>(key, old));
        }
    }

    /** The table as it is now, for a later {@link #restore}. */
    SortedMap<K, V> save() {
        return new TreeMap<>(map);
    }

    /** Back to a saved table: by undoing the changes when it is the one restored last. */
    void restore(SortedMap<K, V> saved) {
        if (saved == lastRestored) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                Map.Entry<K, V> change = undo.get(i);
                if (change.getValue() == null) {
                    map.remove(change.getKey());
                } else {
                    map.put(change.getKey(), change.getValue());
                }
            }
        } else {
            map.clear();
            map.putAll(saved);
            lastRestored = saved;
        }
        undo.clear();
    }
}
