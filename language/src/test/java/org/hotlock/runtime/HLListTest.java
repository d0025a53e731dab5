package org.hotlock.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HLListTest {

    @Test
    void aListStopsGrowingAtItsBoundWithAnErrorTheCallSiteLocates() {
        HLList list = new HLList();
        for (int i = 0; i < HLList.MAX_SIZE; i++) {
            list.add(1L);
        }
        assertEquals(HLList.MAX_SIZE, list.size());
        BuiltinError e = assertThrows(BuiltinError.class, () -> list.add(1L));
        assertTrue(e.getMessage().contains("a list may hold at most 16777216 elements"), e.getMessage());
        assertEquals(HLList.MAX_SIZE, list.size(), "the list is as it was");
    }

    @Test
    void restoringPutsBackTheSavedElementsAndForgetsTheRest() {
        HLList list = new HLList(List.of(1L, 2L, 3L));
        Object[] saved = list.toArray();
        list.add(4L);
        list.set(0, 9L);
        list.restore(saved);
        assertArrayEquals(new Object[]{1L, 2L, 3L}, list.toArray());
        list.removeLast();
        list.removeLast();
        list.restore(saved);
        assertArrayEquals(new Object[]{1L, 2L, 3L}, list.toArray());
    }
}
