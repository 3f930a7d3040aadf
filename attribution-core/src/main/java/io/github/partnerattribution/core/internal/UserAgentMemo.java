package io.github.partnerattribution.core.internal;

import io.github.partnerattribution.core.Attribution;
import java.util.function.Consumer;

/**
 * {@link Attribution#apply(String)} with a one-entry memory, for one client: a client's User-Agent rarely changes,
 * so the attributed value is computed once and a request then costs a string comparison. One entry keeps it
 * bounded whatever the traffic; thread-safe (the entry is an immutable pair behind a volatile field). Not API.
 */
public final class UserAgentMemo {
    private static final Consumer<String> NOTHING = userAgent -> { };

    private final Attribution attribution;
    private final Consumer<String> onNewUserAgent;
    private volatile Entry last;

    public UserAgentMemo(Attribution attribution) {
        this(attribution, NOTHING);
    }

    /** With a callback that sees each User-Agent not in memory, before it is attributed (off the fast path). */
    public UserAgentMemo(Attribution attribution, Consumer<String> onNewUserAgent) {
        this.attribution = attribution;
        this.onNewUserAgent = onNewUserAgent;
    }

    /** The attributed User-Agent; the very instance {@code current} when nothing changes. */
    public String apply(String current) {
        Entry entry = last;
        if (entry != null && (entry.in == current || (current != null && current.equals(entry.in)))) {
            return entry.changes ? entry.out : current;
        }
        onNewUserAgent.accept(current);
        String out = attribution.apply(current);
        last = new Entry(current, out);
        return out;
    }

    private static final class Entry {
        final String in;
        final String out;
        final boolean changes;

        Entry(String in, String out) {
            this.in = in;
            this.out = out;
            this.changes = in != out;
        }
    }
}
