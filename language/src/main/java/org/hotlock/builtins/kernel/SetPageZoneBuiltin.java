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
        long perBlock = k.pagesPerBlock();
        for (long pfn = startPfn; pfn < startPfn + nrPages; pfn += perBlock) {
            HLObject mem = k.findBlock(pfn / perBlock);
            if (mem != null) {
                mem.set("zone", zone);
            }
        }
        return HLNull.SINGLETON;
    }

}
