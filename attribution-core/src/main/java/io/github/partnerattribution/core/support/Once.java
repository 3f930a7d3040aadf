package io.github.partnerattribution.core.support;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which messages this JVM has already reported, so that a setting read for every client is reported
 * once. Bounded: after {@value #LIMIT} distinct messages every further one is reported again rather than
 * remembered. Not API.
 */
public final class Once {
    static final int LIMIT = 256;
    private static final Set<String> SEEN = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    private Once() {
    }

    /** True the first time this JVM sees {@code message}; false after that. */
    public static boolean first(String message) {
        if (SEEN.size() >= LIMIT) {
            return !SEEN.contains(message);
        }
        return SEEN.add(message);
    }

    /** Forgets everything, for tests that check what is reported. */
    public static void forget() {
        SEEN.clear();
    }
}
