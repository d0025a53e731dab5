package org.hotlock.builtins.locks;

import org.hotlock.builtins.BuiltinSpec;
import org.hotlock.builtins.locks.LockOperationBuiltin.Action;
import org.hotlock.builtins.locks.LockOperationBuiltin.Operation;
import org.hotlock.kernel.LockKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.hotlock.kernel.LockKind.MUTEX;
import static org.hotlock.kernel.LockKind.PERCPU_RWSEM;
import static org.hotlock.kernel.LockKind.RWSEM;
import static org.hotlock.kernel.LockKind.SEQLOCK;
import static org.hotlock.kernel.LockKind.SPINLOCK;
import static org.hotlock.kernel.LockMode.READ;
import static org.hotlock.kernel.LockMode.WRITE;

/** The builtins of the kernel's locking API: the locks themselves, taking and releasing them, and what happened. */
public final class LockBuiltins {
    private LockBuiltins() {
    }

    private static final Set<LockKind> RWSEMS = EnumSet.of(RWSEM, PERCPU_RWSEM);
    /** Taking, trying and releasing locks: one builtin each. */
    private static final List<Operation> OPERATIONS = List.of(
            new Operation("mutex_lock", "mutex_lock(lock): take a mutex, waiting while another thread holds it", Action.TAKE, WRITE, EnumSet.of(MUTEX)),
            new Operation("mutex_trylock", "mutex_trylock(lock): take a mutex if it is free; true if taken, never waits", Action.TRY, WRITE, EnumSet.of(MUTEX)),
            new Operation("mutex_unlock", "mutex_unlock(lock): release a mutex", Action.RELEASE, WRITE, EnumSet.of(MUTEX)),
            new Operation("down_read", "down_read(sem): take a rw-semaphore for read", Action.TAKE, READ, RWSEMS),
            new Operation("down_write", "down_write(sem): take a rw-semaphore for write", Action.TAKE, WRITE, RWSEMS),
            new Operation("up_read", "up_read(sem): release a read hold", Action.RELEASE, READ, RWSEMS),
            new Operation("up_write", "up_write(sem): release a write hold", Action.RELEASE, WRITE, RWSEMS),
            new Operation("percpu_down_read", "percpu_down_read(sem): take a per-cpu rw-semaphore for read", Action.TAKE, READ, EnumSet.of(PERCPU_RWSEM)),
            new Operation("percpu_down_write", "percpu_down_write(sem): take a per-cpu rw-semaphore for write", Action.TAKE, WRITE, EnumSet.of(PERCPU_RWSEM)),
            new Operation("percpu_up_read", "percpu_up_read(sem): release a read hold", Action.RELEASE, READ, EnumSet.of(PERCPU_RWSEM)),
            new Operation("percpu_up_write", "percpu_up_write(sem): release a write hold", Action.RELEASE, WRITE, EnumSet.of(PERCPU_RWSEM)),
            new Operation("spin_lock", "spin_lock(lock): take a spinlock", Action.TAKE, WRITE, EnumSet.of(SPINLOCK)),
            new Operation("spin_unlock", "spin_unlock(lock): release a spinlock", Action.RELEASE, WRITE, EnumSet.of(SPINLOCK)),
            new Operation("write_seqlock", "write_seqlock(lock): take a seqlock's write side", Action.TAKE, WRITE, EnumSet.of(SEQLOCK)),
            new Operation("write_sequnlock", "write_sequnlock(lock): release a seqlock's write side", Action.RELEASE, WRITE, EnumSet.of(SEQLOCK)));

    /** The builtins that take (or try to take) a lock: where a locking path starts. */
    public static List<String> acquiring() {
        return OPERATIONS.stream().filter(op -> op.action() != Action.RELEASE).map(Operation::name).toList();
    }

    public static List<BuiltinSpec> all() {
        List<BuiltinSpec> all = new ArrayList<>(List.of(
                BuiltinSpec.of(LockHeldBuiltinFactory.getInstance()),
                BuiltinSpec.of(LockLogBuiltinFactory.getInstance()),
                BuiltinSpec.of(LockLogClearBuiltinFactory.getInstance()),
                define("mutex", "mutex(name): the global mutex of that name (DEFINE_MUTEX)", MUTEX),
                define("rwsem", "rwsem(name): the global rw-semaphore of that name", RWSEM),
                define("percpu_rwsem", "percpu_rwsem(name): the global per-cpu rw-semaphore of that name", PERCPU_RWSEM),
                define("spinlock", "spinlock(name): the global spinlock of that name", SPINLOCK)));
        for (Operation op : OPERATIONS) {
            all.add(new BuiltinSpec(op.name(), op.doc(), 1, arguments -> LockOperationBuiltinFactory.create(op, arguments)));
        }
        return all;
    }

    private static BuiltinSpec define(String name, String doc, LockKind kind) {
        return new BuiltinSpec(name, doc, 1, arguments -> DefineLockBuiltinFactory.create(name, kind, arguments));
    }
}
