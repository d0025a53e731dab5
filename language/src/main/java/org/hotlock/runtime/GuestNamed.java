package org.hotlock.runtime;

/** A host-implemented guest value (a lock, a kernel handle) that tells error messages its type. */
public interface GuestNamed {
    String guestTypeName();
}
