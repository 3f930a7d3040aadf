package io.github.partnerattribution.agent.internal;

import io.github.partnerattribution.core.Attribution;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Installs the agent, in the agent's own class loader: a transformer that looks at each class's name only (see
 * {@link BuildersTransformer}), and what the rewritten builders ask the entry class for: the agent's policy or
 * interceptor, from a bridge loader over the library that asks. Not API.
 */
public final class Installer {
    /** The class each azure-core's bridge loads, in a loader over that azure-core. */
    static final String POLICIES = "io.github.partnerattribution.agent.internal.AgentPolicies";
    /** The class each OkHttp's bridge loads, in a loader over that OkHttp. */
    static final String OKHTTP = "io.github.partnerattribution.agent.internal.AgentOkHttp";
    /** The class each Apache HttpClient 5's bridge loads, in a loader over it. */
    static final String HTTP_CLIENT5 = "io.github.partnerattribution.agent.internal.AgentHttpClient5";
    /** How messages name the hosts plain HTTP clients attribute. */
    static final String HOSTS_NOTE = "Azure Resource Manager's hosts (and those " + ArmHosts.PROPERTY + " or "
            + ArmHosts.VARIABLE + " adds) only";
    private static final String RECORDS = "io.github.partnerattribution.core.support.AttributedInThisJvm";

    private final Function<String, byte[]> classes;
    private final AgentReports reports;
    private final String jar;
    /** Per azure-core class loader, the agent's policies for it (in a bridge loader over it); weak, so a web
     * application that is undeployed takes its bridge with it. */
    private final Map<ClassLoader, Function<Predicate<String>, Object>> bridges = new WeakHashMap<>();
    /** Per OkHttp class loader, the agent's interceptors for it (in a bridge loader over it). */
    private final Map<ClassLoader, Function<Predicate<String>, Object>> okHttpBridges = new WeakHashMap<>();
    /** Per Apache HttpClient 5 class loader, likewise. */
    private final Map<ClassLoader, Function<Predicate<String>, Object>> httpClient5Bridges = new WeakHashMap<>();
    /** The HttpClient 5 builders given the agent's interceptor: once each, however often built. */
    private final Map<Object, Boolean> httpClient5Builders = new WeakHashMap<>();
    private volatile ArmHosts hosts;

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
     * @return {@code {BiFunction<Class<?>, List<?>, List<Object>> policies, Supplier<List<String>> status,
     *     BiFunction<Class<?>, List<?>, Object> okHttpInterceptors, UnaryOperator<Object> javaNetHttpClients,
     *     BiFunction<Class<?>, Object, Object> httpClient5Interceptors}}: JDK types only, as the
     *     entry class sees them
     */
    public static Object[] install(Instrumentation instrumentation, Function<String, byte[]> classes, String jar) {
        AgentReports reports = new AgentReports();
        Installer installer = new Installer(classes, reports, jar);
        instrumentation.addTransformer(new BuildersTransformer(classes, reports), false);
        BiFunction<Class<?>, List<?>, List<Object>> policies = installer::policiesFor;
        Supplier<List<String>> status = installer::status;
        BiFunction<Class<?>, List<?>, Object> okHttp = installer::okHttpInterceptorFor;
        UnaryOperator<Object> javaNetHttp = installer::wrapJavaNetHttp;
        BiFunction<Class<?>, Object, Object> httpClient5 = installer::httpClient5InterceptorFor;
        return new Object[] {policies, status, okHttp, javaNetHttp, httpClient5};
    }

    /**
     * An OkHttp interceptor of the OkHttp that defined {@code okHttpClient}, for the next client; or null: when the
     * interceptors the client will have already hold the agent's (a builder copied from a client) or the library's
     * own (the service attributes that client in code).
     */
    private Object okHttpInterceptorFor(Class<?> okHttpClient, List<?> interceptors) {
        if (ourClassIn(interceptors) != null || plainClients() == null) {
            return null;
        }
        return bridge(okHttpBridges, okHttpClient.getClassLoader(), OKHTTP, "OkHttp").apply(hosts());
    }

    /**
     * An Apache HttpClient 5 request interceptor of the HttpClient that defined {@code interceptorType}, for
     * {@code builder}'s next client; or null, also when that builder already has it.
     */
    private Object httpClient5InterceptorFor(Class<?> interceptorType, Object builder) {
        if (plainClients() == null) {
            return null;
        }
        synchronized (httpClient5Builders) {
            if (httpClient5Builders.put(builder, Boolean.TRUE) != null) {
                return null;
            }
        }
        return bridge(httpClient5Bridges, interceptorType.getClassLoader(), HTTP_CLIENT5, "Apache HttpClient 5")
                .apply(hosts());
    }

    /** The bridge over {@code library}'s class loader, made once: its {@code type}, which gives interceptors. */
    @SuppressWarnings("unchecked")
    private Function<Predicate<String>, Object> bridge(Map<ClassLoader, Function<Predicate<String>, Object>> bridges,
            ClassLoader library, String type, String name) {
        synchronized (bridges) {
            Function<Predicate<String>, Object> bridge = bridges.get(library);
            if (bridge == null) {
                try {
                    bridge = (Function<Predicate<String>, Object>) new BridgeLoader(library, classes).loadClass(type)
                            .getConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError broken) {
                    reports.once("ERROR", "the " + name + " clients of class loader " + library
                            + " are left unattributed: " + broken);
                    bridge = ignored -> null;
                }
                bridges.put(library, bridge);
            }
            return bridge;
        }
    }

    /** The JDK's client, wrapped so that it attributes requests to ARM's hosts; or the client itself. */
    private Object wrapJavaNetHttp(Object client) {
        Attribution attribution = plainClients();
        if (attribution == null) {
            return client;
        }
        try {
            ClassLoader agent = Installer.class.getClassLoader();
            Class<?> httpClient = Class.forName("java.net.http.HttpClient");
            ArmHosts arm = hosts();
            Predicate<java.net.URI> uris = uri -> arm.test(uri.getHost());
            return Class.forName("io.github.partnerattribution.javanethttp.AttributedHttpClient", true, agent)
                    .getMethod("wrap", httpClient, Attribution.class, Predicate.class)
                    .invoke(null, client, attribution, uris);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError broken) {
            reports.once("ERROR", "a java.net.http client is left unattributed: " + broken);
            return client;
        }
    }

    /**
     * The settings for the next plain HTTP client, or null when nothing is to be attributed: no id, an opt-out, or a
     * malformed setting, reported once.
     */
    private Attribution plainClients() {
        try {
            Attribution attribution = Attribution.fromEnvironment();
            return attribution.isActive() ? attribution : null;
        } catch (RuntimeException invalid) {
            reports.once("ERROR", "Partner attribution (Java agent) is off for the plain HTTP clients (OkHttp,"
                    + " Apache HttpClient 5, java.net.http) of this JVM: " + invalid.getMessage()
                    + " Correct or unset the setting.");
            return null;
        }
    }

    private ArmHosts hosts() {
        ArmHosts current = hosts;
        if (current == null) {
            current = ArmHosts.of(systemProperties(), System.getenv(), reports);
            hosts = current;
        }
        return current;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> out = new java.util.HashMap<>();
        String value = System.getProperty(ArmHosts.PROPERTY);
        if (value != null) {
            out.put(ArmHosts.PROPERTY, value);
        }
        return out;
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
        String library = ourClassIn(policies);
        if (library != null) {
            reports.once("INFO", "a pipeline that already carries the library's " + library + " is left to it (the"
                    + " service attributes it, with the same settings); the agent adds its policy to the others.");
            return null;
        }
        return bridge(bridges, httpPipelineBuilder.getClassLoader(), POLICIES, "Azure SDK").apply(null);
    }

    /**
     * The simple name of an element of {@code elements} (a builder's policies or interceptors) that is one of this
     * project's classes, or null. A policy or interceptor of the service's own copy of the library means the service
     * attributes that client itself: its explicit policy and zero-code mode agree on which id wins, and a second one
     * would only repeat its reports. The agent's own (an OkHttp builder copied from a client) means it is there
     * already. A pipeline's list never holds the agent's: it gets a new list each time it is built.
     */
    static String ourClassIn(List<?> elements) {
        if (elements != null) {
            for (Object element : elements) {
                if (element != null && element.getClass().getName().startsWith("io.github.partnerattribution.")) {
                    return element.getClass().getSimpleName();
                }
            }
        }
        return null;
    }

    private List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add("attached from " + jar);
        lines.addAll(reports.all());
        // Each loader once: a bridge that could not be made is a lambda of the agent's own loader.
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(Installer.class.getClassLoader()); // java.net.http's clients are wrapped here
        for (Map<ClassLoader, Function<Predicate<String>, Object>> plain : java.util.Arrays.asList(bridges,
                okHttpBridges, httpClient5Bridges)) {
            synchronized (plain) {
                for (Function<Predicate<String>, Object> bridge : plain.values()) {
                    loaders.add(bridge.getClass().getClassLoader());
                }
            }
        }
        for (ClassLoader loader : loaders) {
            if (loader instanceof BridgeLoader || loader == Installer.class.getClassLoader()) {
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
