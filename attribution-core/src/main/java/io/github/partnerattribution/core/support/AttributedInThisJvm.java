package io.github.partnerattribution.core.support;

import io.github.partnerattribution.core.PartnerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The partner ids this JVM has attributed requests with, each with the path that did it (a policy or the client
 * factory, zero-code mode, the Spring Boot starter, an HTTP client's interceptor), for the doctor: an id set in code
 * is seen there as well as one from the environment. Recorded by {@link UserAgentMemo} when a client's User-Agent is
 * attributed anew, so a request that reuses the remembered value costs nothing more. The first {@value #KEPT} pairs
 * are kept. Not API.
 */
public final class AttributedInThisJvm {
    static final int KEPT = 16;

    /** Guarded by itself. */
    private static final List<String> SEEN = new ArrayList<String>();

    private AttributedInThisJvm() {
    }

    /** Records that {@code id} was sent through {@code via}, such as {@code zero-code mode}. */
    public static void record(PartnerId id, String via) {
        String line = id.token() + " through " + via;
        synchronized (SEEN) {
            if (SEEN.size() < KEPT && !SEEN.contains(line)) {
                SEEN.add(line);
            }
        }
    }

    /** {@return each id with its path, such as {@code pid-... through zero-code mode}, in the order first sent} */
    public static List<String> all() {
        synchronized (SEEN) {
            return Collections.unmodifiableList(new ArrayList<String>(SEEN));
        }
    }

    /** Forgets what was recorded; for tests. */
    public static void forgetForTests() {
        synchronized (SEEN) {
            SEEN.clear();
        }
    }
}
