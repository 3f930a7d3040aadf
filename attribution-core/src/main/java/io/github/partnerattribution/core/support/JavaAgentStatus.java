package io.github.partnerattribution.core.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the Java agent ({@code attribution-agent.jar}) says about itself, for the doctor and the Actuator endpoint:
 * whether it is attached, each azure-core it instrumented or left alone, what it reported, and each id it sent. The
 * agent keeps its classes away from the application's, so this asks its one visible class, by name, through the
 * system class loader (where {@code -javaagent:} puts it). Not API.
 */
public final class JavaAgentStatus {
    static final String AGENT = "io.github.partnerattribution.agent.AttributionAgent";

    private JavaAgentStatus() {
    }

    /**
     * The agent's lines, the first saying where it was attached from; empty when it is not attached.
     *
     * @return the lines, never null
     */
    public static List<String> lines() {
        Class<?> agent;
        try {
            agent = Class.forName(AGENT, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError | SecurityException absent) {
            return Collections.emptyList();
        }
        try {
            List<String> lines = new ArrayList<>();
            for (Object line : (List<?>) agent.getMethod("status").invoke(null)) {
                lines.add(String.valueOf(line));
            }
            return Collections.unmodifiableList(lines);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
            return Collections.singletonList("WARNING the agent's class is loaded but does not answer: " + unreadable);
        }
    }
}
