package org.hotlock.sched;

import org.hotlock.kernel.Event;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.SysfsTree;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps written in one process and read in another (explore --cluster) are stand-ins that the
 * reading process's own steps treat as the originals: equal objects, the same dependence.
 */
class PortableEventsTest {
    private static Event roundTrip(Event e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortableEvents.write(new DataOutputStream(bytes), e);
        return new PortableEvents().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void aLockIsAStandInEqualToTheOriginal() throws IOException {
        KernelLock lock = new KernelLock("device_hotplug_lock", "device_hotplug_lock", LockKind.MUTEX);
        lock.identify(42);
        Event acquire = new Event(1, Event.Kind.ACQUIRE, lock, true, LockMode.WRITE);
        Event read = roundTrip(acquire);
        assertNotSame(lock, read.object());
        assertEquals(lock, read.object());
        assertEquals(read.object(), lock);
        assertEquals(lock.hashCode(), read.object().hashCode());
        assertTrue(read.acquires());
        Event release = new Event(2, Event.Kind.RELEASE, lock, true, null);
        assertTrue(release.dependent(read));
        KernelLock other = new KernelLock("device_hotplug_lock", "device_hotplug_lock", LockKind.MUTEX);
        other.identify(43);
        assertFalse(new Event(2, Event.Kind.RELEASE, other, true, null).dependent(read));
    }

    @Test
    void aFieldOfAnObjectKeepsItsIdentityAndValue() throws IOException {
        HLObject zone = new HLObject(new StructType("zone", List.of("name", "present_pages")));
        zone.identify(7);
        Event write = new Event(0, Event.Kind.WRITE, new FieldKey(zone, 1), true, 32768L);
        Event read = roundTrip(write);
        assertEquals(write.object(), read.object());
        assertEquals(write.object().hashCode(), read.object().hashCode());
        assertEquals(32768L, read.detail());
        assertTrue(new Event(1, Event.Kind.READ, new FieldKey(zone, 1), false, HLNull.SINGLETON).dependent(read));
        assertFalse(new Event(1, Event.Kind.READ, new FieldKey(zone, 0), false, HLNull.SINGLETON).dependent(read));
    }

    @Test
    void valuesNotesAndSysfsDirectoriesComeBackEqual() throws IOException {
        Event restart = new Event(3, Event.Kind.TRYLOCK, new SysfsKey("/sys/devices/system/memory/memory32"), false,
                new Event.Note(Event.Note.What.RESTARTS, "trylock fails"));
        assertEquals(restart, roundTrip(restart));
        Event listing = new Event(1, Event.Kind.READ, new SysfsTree(new SysfsKey("/sys/devices/system/memory")), false, "for_each_memory_block");
        assertEquals(listing, roundTrip(listing));
        Event join = new Event(0, Event.Kind.WAKE, new Scheduler.ThreadKey(2), false, "join writer");
        assertEquals(join, roundTrip(join));
        Event nullRead = new Event(0, Event.Kind.READ, null, false, HLNull.SINGLETON);
        assertEquals(HLNull.SINGLETON, roundTrip(nullRead).detail());
        assertEquals(null, roundTrip(null));
    }

    @Test
    void anObjectWithoutIdentityHasNoPortableForm() {
        HLObject local = new HLObject(new StructType("scratch", List.of("x")));
        Event e = new Event(0, Event.Kind.WRITE, new FieldKey(local, 0), true, 1L);
        assertThrows(PortableEvents.NotPortable.class, () -> PortableEvents.write(new DataOutputStream(new ByteArrayOutputStream()), e));
    }
}
