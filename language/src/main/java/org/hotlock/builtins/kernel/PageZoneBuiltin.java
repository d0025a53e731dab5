package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** page_zone_of_pfn(pfn): the zone the page belongs to, or null */
@Builtin(name = "page_zone_of_pfn", doc = "page_zone_of_pfn(pfn): the zone the page belongs to, or null")
public abstract class PageZoneBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object zone(long pfn) {
        Kernel k = bootedKernel();
        HLObject mem = k.findBlock(pfn / k.pagesPerBlock());
        return mem == null ? HLNull.SINGLETON : mem.get("zone");
    }

}
