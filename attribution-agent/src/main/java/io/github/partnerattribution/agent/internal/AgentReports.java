package io.github.partnerattribution.agent.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the agent itself reports, before any azure-core's logging is at hand: each message once, on standard error in
 * the library's fallback format, and kept (the first {@value #KEPT}) for the doctor. Not API.
 */
final class AgentReports {
    static final int KEPT = 32;

    private final Set<String> seen = new LinkedHashSet<>();

    /** Prints {@code message} at {@code level} ({@code ERROR}, {@code WARNING}, {@code INFO}) unless already printed. */
    void once(String level, String message) {
        String line = level + " " + message;
        synchronized (seen) {
            if (seen.size() >= KEPT || !seen.add(line)) {
                return;
            }
        }
        System.err.println("[partner-attribution] " + level + " Java agent: " + message);
    }

    /** {@return each line reported, in order} */
    List<String> all() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }
}
