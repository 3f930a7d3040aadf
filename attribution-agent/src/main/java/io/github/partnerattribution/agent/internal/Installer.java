package io.github.partnerattribution.agent.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Installs the agent, in the agent's own class loader: a transformer that looks at each class's name only, until
 * azure-core's {@code HttpPipelineBuilder} is defined. Not API.
 */
public final class Installer {
    /** The class each azure-core's bridge loads, in a loader over that azure-core. */
    static final String POLICIES = "io.github.partnerattribution.agent.internal.AgentPolicies";
    private static final String PROVIDERS = "META-INF/services/com.azure.core.http.policy.BeforeRetryPolicyProvider";
    /** The library's zero-code provider, as {@code ZeroCodeSettings.PROVIDER} names it (a class of azure-core's
     * world, which the agent's own loader cannot load). */
    static final String LIBRARY_PROVIDER =
            "io.github.partnerattribution.azurecore.internal.EnvironmentAttributionPolicyProvider";
    private static final String RECORDS = "io.github.partnerattribution.core.support.AttributedInThisJvm";

    private final Function<String, byte[]> classes;
    private final AgentReports reports;
    private final String jar;
    /** Per azure-core class loader, the agent's policies for it (in a bridge loader over it); weak, so a web
     * application that is undeployed takes its bridge with it. */
    private final Map<ClassLoader, Supplier<Object>> bridges = new WeakHashMap<>();

    private Installer(Function<String, byte[]> classes, AgentReports reports, String jar) {
        this.classes = classes;
        this.reports = reports;
        this.jar = jar;
    }

    /**
     * Called once by the entry class.
     *
     * @param instrumentation the JVM's
     * @param classes the bytes of a class under {@code inst/}, by name, or null
     * @param jar the agent's jar, for the doctor
     * @return {@code {Function<Class<?>, Object> policies, Supplier<List<String>> status}}: JDK types only, as the
     *     entry class sees them
     */
    public static Object[] install(Instrumentation instrumentation, Function<String, byte[]> classes, String jar) {
        AgentReports reports = new AgentReports();
        Installer installer = new Installer(classes, reports, jar);
        instrumentation.addTransformer(new PipelineBuilderTransformer(Installer.class.getClassLoader(), reports),
                false);
        Function<Class<?>, Object> policies = installer::policyFor;
        Supplier<List<String>> status = installer::status;
        return new Object[] {policies, status};
    }

    private Object policyFor(Class<?> httpPipelineBuilder) {
        ClassLoader azureCore = httpPipelineBuilder.getClassLoader();
        Supplier<Object> bridge;
        synchronized (bridges) {
            bridge = bridges.get(azureCore);
            if (bridge == null) {
                bridge = bridge(azureCore);
                bridges.put(azureCore, bridge);
            }
        }
        return bridge.get();
    }

    @SuppressWarnings("unchecked")
    private Supplier<Object> bridge(ClassLoader azureCore) {
        String library = zeroCodeModeOf(azureCore);
        if (library != null) {
            reports.once("INFO", "the service carries the library's zero-code mode (" + library + "), so the agent"
                    + " leaves the Azure clients of " + azureCore + " to it.");
            return () -> null;
        }
        try {
            return (Supplier<Object>) new BridgeLoader(azureCore, classes).loadClass(POLICIES)
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError broken) {
            reports.once("ERROR", "the Azure clients of class loader " + azureCore + " are left unattributed: "
                    + broken);
            return () -> null;
        }
    }

    /**
     * Where the service's own copy of the library registers zero-code mode with this azure-core, or null: such a
     * service already attributes every client its builders make, with the settings the agent would read, and its
     * explicit policies and zero-code mode agree on which id wins; a second policy would only repeat its reports.
     */
    static String zeroCodeModeOf(ClassLoader azureCore) {
        try {
            for (URL services : Collections.list(azureCore.getResources(PROVIDERS))) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.trim().equals(LIBRARY_PROVIDER)) {
                            return services.toString();
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            return null;
        }
        return null;
    }

    private List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add("attached from " + jar);
        lines.addAll(reports.all());
        List<Supplier<Object>> all;
        synchronized (bridges) {
            all = new ArrayList<>(bridges.values());
        }
        for (Supplier<Object> bridge : all) {
            ClassLoader loader = bridge.getClass().getClassLoader();
            if (loader instanceof BridgeLoader) {
                try {
                    for (Object record : (List<?>) loader.loadClass(RECORDS).getMethod("all").invoke(null)) {
                        lines.add("attributed " + record);
                    }
                } catch (ReflectiveOperationException | LinkageError unreadable) {
                    lines.add("WARNING cannot read what was attributed: " + unreadable);
                }
            }
        }
        return lines;
    }
}
