package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.List;

/** Every listener of a kernel, told of each event in the order the listeners were added. */
final class KernelListeners implements KernelListener {
    private final List<KernelListener> listeners = new ArrayList<>();
    /** While set, nothing is told: an execution run again only for its stacks is no new execution. */
    private boolean muted;

    void mute(boolean on) {
        muted = on;
    }

    void add(KernelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void lockAcquiring(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.lockAcquiring(thread, lock, mode, location);
        }
    }

    @Override
    public void lockAcquired(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.lockAcquired(thread, lock, mode, location);
        }
    }

    @Override
    public void holdsOverlapped(GuestThread.HeldLock hold) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.holdsOverlapped(hold);
        }
    }

    @Override
    public void functionCalled(GuestThread thread, String function, Node location) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.functionCalled(thread, function, location);
        }
    }

    @Override
    public void sharedAccessing(GuestThread thread, HLObject object, int field, boolean write, Node location) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.sharedAccessing(thread, object, field, write, location);
        }
    }

    @Override
    public void sharedAccessed(GuestThread thread, HLObject object, int field, boolean write, Node location) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.sharedAccessed(thread, object, field, write, location);
        }
    }

    @Override
    public void executionStarted() {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.executionStarted();
        }
    }

    @Override
    public void threadSpawned(GuestThread parent, GuestThread child) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.threadSpawned(parent, child);
        }
    }

    @Override
    public void threadJoined(GuestThread joiner, GuestThread child) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.threadJoined(joiner, child);
        }
    }

    @Override
    public void deviceAdded(GuestThread thread, SysfsKey directory) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.deviceAdded(thread, directory);
        }
    }

    @Override
    public void sysfsFound(GuestThread thread, SysfsKey directory) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.sysfsFound(thread, directory);
        }
    }

    @Override
    public void warning(KernelWarning warning) {
        if (muted) {
            return;
        }
        for (KernelListener l : listeners) {
            l.warning(warning);
        }
    }
}
