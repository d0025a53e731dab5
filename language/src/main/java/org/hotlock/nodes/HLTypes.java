package org.hotlock.nodes;

import com.oracle.truffle.api.dsl.TypeSystem;

/** HotLock's primitive types: 64-bit integers (addresses, page counts) and booleans. */
@TypeSystem({long.class, boolean.class})
public abstract class HLTypes {
}
