package io.github.partnerattribution.test;

import java.util.List;

/**
 * One request the {@link ArmEmulator} received, as it arrived: method, path with query, every User-Agent header
 * value, and the status it was answered with.
 *
 * <pre>{@code
 * for (RecordedRequest r : emulator.requests()) {
 *     System.out.println(r.method() + " " + r.path() + " " + r.userAgent());
 * }
 * }</pre>
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final List<String> userAgents;
    private final int status;

    RecordedRequest(String method, String path, List<String> userAgents, int status) {
        this.method = method;
        this.path = path;
        this.userAgents = List.copyOf(userAgents);
        this.status = status;
    }

    /** {@return the HTTP method, such as {@code PUT}} */
    public String method() {
        return method;
    }

    /** {@return the path and query, such as {@code /subscriptions/.../resourcegroups/rg1?api-version=2024-03-01}} */
    public String path() {
        return path;
    }

    /** {@return the User-Agent value, or null when the request had none; several headers are joined by ", "} */
    public String userAgent() {
        return userAgents.isEmpty() ? null : String.join(", ", userAgents);
    }

    /** {@return every User-Agent header value the request carried, usually one} */
    public List<String> userAgents() {
        return userAgents;
    }

    /** {@return the status the emulator answered with} */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + "  User-Agent: " + (userAgent() == null ? "(none)" : userAgent());
    }
}
