package org.hotlock.runtime;

/**
 * What the kernel's kept stacks need to know of a guest function: whether calls reach it from
 * more than one call site. A check site in such a function (6.x's adjust_present_page_count,
 * called from online_pages and from memory_block_online) keeps a stack per caller; any other
 * keeps one, and finding the caller costs nothing.
 */
public interface CalledFrom {
    boolean calledFromSeveralSites();
}
