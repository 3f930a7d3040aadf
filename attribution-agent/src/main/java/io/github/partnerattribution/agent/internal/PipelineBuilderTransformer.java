package io.github.partnerattribution.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.function.Function;

/**
 * Looks at the name of every class the JVM defines and rewrites one: azure-core's {@code HttpPipelineBuilder}, when
 * its azure-core is a version the agent knows. Any other version, and any failure, is reported once and the class is
 * left as it is. ASM is loaded only when the class shows up. Not API.
 */
final class PipelineBuilderTransformer implements ClassFileTransformer {
    static final String TARGET = "com/azure/core/http/HttpPipelineBuilder";

    private final Function<String, byte[]> classes;
    private final AgentReports reports;
    private volatile Rewriter rewriter;

    PipelineBuilderTransformer(Function<String, byte[]> classes, AgentReports reports) {
        this.classes = classes;
        this.reports = reports;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        if (!TARGET.equals(className) || redefined != null) {
            return null;
        }
        try {
            AzureCoreVersions.Found found = AzureCoreVersions.of(loader, domain);
            if (!found.known()) {
                reports.once("ERROR", found + " is not a version this agent knows (" + AzureCoreVersions.RANGE
                        + "), so its clients are left unattributed. Use an agent that lists it, or the library.");
                return null;
            }
            byte[] rewritten = rewriter().rewrite(bytes);
            reports.once("INFO", found + ": every pipeline it builds is attributed.");
            return rewritten;
        } catch (Throwable broken) {
            reports.once("ERROR", "azure-core's HttpPipelineBuilder in " + loader
                    + " is left as it is, so its clients are unattributed: " + broken);
            return null;
        }
    }

    private Rewriter rewriter() {
        Rewriter current = rewriter;
        if (current == null) {
            synchronized (this) {
                current = rewriter;
                if (current == null) {
                    current = new Rewriter(classes.apply(Rewriter.TEMPLATE.replace('/', '.')));
                    rewriter = current;
                }
            }
        }
        return current;
    }
}
