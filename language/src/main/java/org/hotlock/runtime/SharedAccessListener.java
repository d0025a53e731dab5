package org.hotlock.runtime;

import com.oracle.truffle.api.nodes.Node;

/**
 * Told of every access to a field declared shared kernel state ({@code zone.present_pages},
 * {@code memory_block.online_type}, ...): the scheduler makes it a scheduling point and the
 * race checker records it.
 */
public interface SharedAccessListener {
    /** Called before the access; {@code value} is the value about to be stored (null for reads). */
    void onSharedAccess(Node location, HLObject object, int field, boolean write, Object value);
}
