package io.github.partnerattribution.core.support;

import io.github.partnerattribution.core.Attribution;

/**
 * {@link Attribution#apply(String)} with a one-entry memory, for one client: a client's User-Agent rarely changes,
 * so the attributed value is computed once and a request then costs a string comparison. One entry keeps it
 * bounded whatever the traffic; thread-safe (the entry is an immutable pair behind a volatile field). A changed
 * value is the same instance for as long as it is remembered, so a caller can tell a new one by reference. Each new
 * attributed value is recorded for the doctor ({@link AttributedInThisJvm}). Not API.
 */
public final class UserAgentMemo {
    private final Attribution attribution;
    private final String via;
    private volatile Entry last;

    /**
     * A memory for one client.
     *
     * @param attribution what to attribute
     * @param via the path the client's requests are attributed through, as the doctor names it, such as
     *     {@code the OkHttp interceptor} ({@link AttributedInThisJvm})
     */
    public UserAgentMemo(Attribution attribution, String via) {
        this.attribution = attribution;
        this.via = via;
    }

    /** The attributed User-Agent; the very instance {@code current} when nothing changes. */
    public String apply(String current) {
        Entry entry = last;
        if (entry != null && (entry.in == current || (current != null && current.equals(entry.in)))) {
            return entry.changes ? entry.out : current;
        }
        String out = attribution.apply(current);
        last = new Entry(current, out);
        if (out != current) {
            AttributedInThisJvm.record(attribution.partnerId(), via);
        }
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
