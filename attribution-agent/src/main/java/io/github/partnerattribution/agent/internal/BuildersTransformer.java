package io.github.partnerattribution.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Looks at the name of every class the JVM defines and rewrites six (see {@link Rewriter}): azure-core's
 * {@code HttpPipelineBuilder} when its azure-core is a version the agent knows, OkHttp's {@code OkHttpClient} and
 * {@code OkHttpClient.Builder}, Apache HttpClient 5's classic and async builders, and the JDK's
 * {@code HttpClient.Builder} implementation. Any other azure-core version,
 * and any failure, is reported once and the class is left as it is. ASM is loaded only when one of them shows up.
 * Not API.
 */
final class BuildersTransformer implements ClassFileTransformer {
    private final Function<String, byte[]> classes;
    private final AgentReports reports;
    private final Map<String, Rewriter> rewriters = new ConcurrentHashMap<>();

    BuildersTransformer(Function<String, byte[]> classes, AgentReports reports) {
        this.classes = classes;
        this.reports = reports;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        Rewriter.Target target = className == null ? null : target(className);
        if (target == null || redefined != null) {
            return null;
        }
        try {
            String what = target.simpleName();
            if (target == Rewriter.PIPELINE_BUILDER) {
                AzureCoreVersions.Found found = AzureCoreVersions.of(loader, domain);
                if (!found.known()) {
                    reports.once("ERROR", found + " is not a version this agent knows (" + AzureCoreVersions.RANGE
                            + "), so its clients are left unattributed. Use an agent that lists it, or the library.");
                    return null;
                }
                what = found.toString();
            }
            Rewriter rewriter = rewriters.computeIfAbsent(className,
                    name -> new Rewriter(target, classes.apply(target.template.replace('/', '.'))));
            byte[] rewritten = target == Rewriter.OKHTTP_CLIENT ? rewriter.rewriteOkHttpClient(bytes)
                    : rewriter.rewrite(bytes);
            reports.once("INFO", what + ": instrumented; " + (target == Rewriter.PIPELINE_BUILDER
                    ? "every pipeline it builds is attributed"
                    : "its clients attribute requests to " + Installer.HOSTS_NOTE)
                    + " whenever the settings name a partner id and the customer has not opted out.");
            return rewritten;
        } catch (Throwable broken) {
            reports.once("ERROR", target.simpleName() + " in " + loader
                    + " is left as it is, so its clients are unattributed: " + broken);
            return null;
        }
    }

    private static Rewriter.Target target(String className) {
        return BY_NAME.get(className);
    }

    /** The targets by the class each rewrites. */
    private static final Map<String, Rewriter.Target> BY_NAME = new java.util.HashMap<>();

    static {
        for (Rewriter.Target target : Rewriter.ALL) {
            BY_NAME.put(target.type, target);
        }
    }
}
