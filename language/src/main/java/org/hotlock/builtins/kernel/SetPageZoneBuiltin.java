package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** set_pfn_range_zone(start_pfn, nr_pages, zone): the pages now belong to the zone (set_page_links) */
@Builtin(name = "set_pfn_range_zone", doc = "set_pfn_range_zone(start_pfn, nr_pages, zone): the pages now belong to the zone (set_page_links)")
public abstract class SetPageZoneBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object set(long startPfn, long nrPages, Object zone) {
        Kernel k = bootedKernel();
        if (nrPages <= 0) {
            return HLNull.SINGLETON;
        }
        long perBlock = k.pagesPerBlock();
        // the blocks of pfns start, start + perBlock, ... below start + nrPages: only the
        // registered ones, however large the range (a range past the end of memory is no loop)
        long first = Math.floorDiv(startPfn, perBlock);
        long count = nrPages / perBlock + (nrPages % perBlock == 0 ? 0 : 1);
        long end = Long.MAX_VALUE - first < count ? Long.MAX_VALUE : first + count;
        for (HLObject mem : k.blocks().subMap(first, end).values()) {
            mem.set("zone", zone);
        }
        return HLNull.SINGLETON;
    }

}
