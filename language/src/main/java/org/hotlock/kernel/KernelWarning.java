package org.hotlock.kernel;

import java.util.List;

/**
 * A WARN the kernel printed: {@code key} identifies the WARN and its call site (the same WARN
 * at the same place is one warning, however often it fires), {@code report} is the text the
 * kernel log shows and {@code stack} the guest stack where it fired.
 */
public record KernelWarning(String key, String message, String report, List<String> stack) {
}
