package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * The objects and lists a scenario's snapshot watches that have been written since it was
 * last restored: restoring puts back just those (an execution writes a few dozen fields of
 * the hundreds of objects a kernel has). Each is added once, at its first write.
 */
public final class ChangeJournal {
    private HLObject[] objects = new HLObject[16];
    private int objectCount;
    private HLList[] lists = new HLList[4];
    private int listCount;

    void changed(HLObject object) {
        if (objectCount == objects.length) {
            objects = grow(objects);
        }
        objects[objectCount++] = object;
    }

    void changed(HLList list) {
        if (listCount == lists.length) {
            lists = grow(lists);
        }
        lists[listCount++] = list;
    }

    @TruffleBoundary
    private static <T> T[] grow(T[] array) {
        return Arrays.copyOf(array, array.length * 2);
    }

    public int objectCount() {
        return objectCount;
    }

    public HLObject object(int index) {
        return objects[index];
    }

    public int listCount() {
        return listCount;
    }

    public HLList list(int index) {
        return lists[index];
    }

    /** Everything written is back as it was: forget it (and let each be added again). */
    public void clear() {
        for (int i = 0; i < objectCount; i++) {
            objects[i].unchanged();
            objects[i] = null;
        }
        for (int i = 0; i < listCount; i++) {
            lists[i].unchanged();
            lists[i] = null;
        }
        objectCount = 0;
        listCount = 0;
    }
}
