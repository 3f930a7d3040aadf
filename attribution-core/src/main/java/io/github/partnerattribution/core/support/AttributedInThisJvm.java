package io.github.partnerattribution.core.support;

import io.github.partnerattribution.core.PartnerId;
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

    private static final FirstLines SEEN = new FirstLines(KEPT);

    private AttributedInThisJvm() {
    }

    /** Records that {@code id} was sent through {@code via}, such as {@code zero-code mode}. */
    public static void record(PartnerId id, String via) {
        SEEN.add(id.token() + " through " + via);
    }

    /** {@return each id with its path, such as {@code pid-... through zero-code mode}, in the order first sent} */
    public static List<String> all() {
        return SEEN.all();
    }

    /** Forgets what was recorded; for tests. */
    public static void forgetForTests() {
        SEEN.clear();
    }
}
