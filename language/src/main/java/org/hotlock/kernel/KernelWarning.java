package org.hotlock.kernel;

import java.util.List;

/**
 * A report the kernel printed: a WARN ({@code category} {@code warning}) or one of lockdep's
 * reports on a single thread's locking ({@code recursive_locking}, {@code bad_unlock}).
 * {@code key} identifies the report and its call site (the same report at the same place is
 * one, however often it fires), {@code title} is its one-line summary, {@code report} the text
 * the kernel log shows and {@code stack} the guest stack where it fired.
 */
public record KernelWarning(String key, String category, String title, String report, List<String> stack) {
}
