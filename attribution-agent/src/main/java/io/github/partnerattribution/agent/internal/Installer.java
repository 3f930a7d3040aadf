package io.github.partnerattribution.agent.internal;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Installs the agent, in the agent's own class loader: a transformer that looks at each class's name only, until
 * azure-core's {@code HttpPipelineBuilder} is defined. Not API.
 */
public final class Installer {
    /** The class each azure-core's bridge loads, in a loader over that azure-core. */
    static final String POLICIES = "io.github.partnerattribution.agent.internal.AgentPolicies";
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
     * @return {@code {BiFunction<Class<?>, List<?>, List<Object>> policies, Supplier<List<String>> status}}: JDK types
     *     only, as the
     *     entry class sees them
     */
    public static Object[] install(Instrumentation instrumentation, Function<String, byte[]> classes, String jar) {
        AgentReports reports = new AgentReports();
        Installer installer = new Installer(classes, reports, jar);
        instrumentation.addTransformer(new PipelineBuilderTransformer(classes, reports), false);
        BiFunction<Class<?>, List<?>, List<Object>> policies = installer::policiesFor;
        Supplier<List<String>> status = installer::status;
        return new Object[] {policies, status};
    }

    /** The builder's policies and the agent's, last, in a new list; null to leave the pipeline as it is. */
    private List<Object> policiesFor(Class<?> httpPipelineBuilder, List<?> policies) {
        Object ours = policyFor(httpPipelineBuilder, policies);
        if (ours == null) {
            return null;
        }
        List<Object> all = policies == null ? new ArrayList<>(1) : new ArrayList<>(policies);
        all.add(ours);
        return all;
    }

    private Object policyFor(Class<?> httpPipelineBuilder, List<?> policies) {
        String library = libraryPolicyIn(policies);
        if (library != null) {
            reports.once("INFO", "a pipeline that already carries the library's " + library + " is left to it (the"
                    + " service attributes it, with the same settings); the agent adds its policy to the others.");
            return null;
        }
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
     * The simple name of a policy of the service's own copy of this library in {@code policies} (its explicit policy,
     * or zero-code mode's, active or not), or null. Such a pipeline is the library's to attribute: its explicit
     * policy and zero-code mode agree on which id wins, and a second policy would only repeat its reports.
     */
    static String libraryPolicyIn(List<?> policies) {
        if (policies != null) {
            for (Object policy : policies) {
                Class<?> type = policy == null ? null : policy.getClass();
                if (type != null && type.getName().startsWith("io.github.partnerattribution.")
                        && !(type.getClassLoader() instanceof BridgeLoader)) {
                    return type.getSimpleName();
                }
            }
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
