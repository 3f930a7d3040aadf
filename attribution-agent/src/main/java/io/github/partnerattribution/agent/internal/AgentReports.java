package io.github.partnerattribution.agent.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the agent itself reports, before any azure-core's logging is at hand: each message once, on standard error in
 * the library's fallback format, and the first {@value #KEPT} kept for the doctor. A message is never dropped: past
 * {@value #REMEMBERED} distinct ones (one per class loader at most, so only in a server with that many
 * applications), a message is printed without being remembered. Not API.
 */
final class AgentReports {
    static final int KEPT = 32;
    static final int REMEMBERED = 1024;

    private final Set<String> seen = new HashSet<>();
    private final List<String> kept = new ArrayList<>();
    private final PrintStream out;

    /** Reports on standard error. */
    AgentReports() {
        this(System.err);
    }

    AgentReports(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code message} at {@code level} ({@code ERROR}, {@code WARNING}, {@code INFO}) unless already printed. */
    void once(String level, String message) {
        String line = level + " " + message;
        synchronized (seen) {
            if (seen.contains(line)) {
                return;
            }
            if (seen.size() < REMEMBERED) {
                seen.add(line);
            }
            if (kept.size() < KEPT) {
                kept.add(line);
            }
        }
        out.println("[partner-attribution] " + level + " Java agent: " + message);
    }

    /** {@return the first lines reported, in order} */
    List<String> all() {
        synchronized (seen) {
            return new ArrayList<>(kept);
        }
    }
}
