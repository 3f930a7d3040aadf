package io.github.partnerattribution.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Java agent's entry point and the only class of its jar that a service's class loaders can see: everything else
 * (the agent's code, the library, ASM) lies under {@code inst/} as {@code .classdata} and is loaded by the
 * agent's own class loaders. Attach it with one setting and nothing else changed:
 *
 * <pre>{@code
 * JAVA_TOOL_OPTIONS=-javaagent:/opt/attribution-agent.jar
 * AZURE_PARTNER_ID=<your registered GUID>
 * }</pre>
 *
 * <p>Every Azure SDK pipeline the service builds then carries the partner id at the end of its User-Agent, as
 * zero-code mode does, with the same settings. The agent never stops its host: a failure is reported once on
 * standard error and the service runs unattributed.
 */
public final class AttributionAgent {
    /**
     * The system property the agent sets to its jar's path once attached, so that anything in the JVM (a test, a
     * benchmark, an operator's script) can tell it is; the doctor asks {@link #status()} instead.
     */
    public static final String ATTACHED_PROPERTY = "io.github.partnerattribution.agent";

    private static final String INSTALLER = "io.github.partnerattribution.agent.internal.Installer";

    private static volatile BiFunction<Class<?>, List<?>, List<Object>> policies;
    private static volatile Supplier<List<String>> status;
    private static volatile BiFunction<Class<?>, List<?>, Object> okHttpInterceptors;
    private static volatile UnaryOperator<Object> javaNetHttpClients;
    private static volatile BiFunction<Class<?>, Object, Object> httpClient5Interceptors;
    private static volatile String failure;

    private AttributionAgent() {
    }

    /**
     * Called by the JVM for {@code -javaagent:}. Never throws: a failure is reported and the service runs on.
     *
     * @param arguments what follows {@code =} in {@code -javaagent:jar=arguments}; unused
     * @param instrumentation the JVM's instrumentation
     */
    @SuppressWarnings("unchecked")
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            synchronized (AttributionAgent.class) {
                if (policies != null || failure != null) {
                    report("WARNING", "the agent is attached twice; the second -javaagent: is ignored.");
                    return;
                }
                File jar = jarFile();
                Inst loader = new Inst(jar);
                Object[] installed = (Object[]) loader.loadClass(INSTALLER)
                        .getMethod("install", Instrumentation.class, Function.class, String.class)
                        .invoke(null, instrumentation, (Function<String, byte[]>) loader::bytes, jar.getPath());
                status = (Supplier<List<String>>) installed[1];
                okHttpInterceptors = (BiFunction<Class<?>, List<?>, Object>) installed[2];
                javaNetHttpClients = (UnaryOperator<Object>) installed[3];
                httpClient5Interceptors = (BiFunction<Class<?>, Object, Object>) installed[4];
                policies = (BiFunction<Class<?>, List<?>, List<Object>>) installed[0];
                System.setProperty(ATTACHED_PROPERTY, jar.getPath());
            }
        } catch (Throwable broken) {
            failure = String.valueOf(broken instanceof java.lang.reflect.InvocationTargetException
                    ? broken.getCause() : broken);
            report("ERROR", "the agent did not attach, so no Azure client of this JVM is attributed by it: " + failure
                    + ". The service runs on; remove -javaagent: or report the message.");
        }
    }

    /**
     * The policies a pipeline of the azure-core that defined {@code httpPipelineBuilder} is built with: the builder's,
     * then the agent's, in a new list; or null to build it as it is. Called by the {@code build()} the agent gives
     * {@code HttpPipelineBuilder}; never throws.
     *
     * @param httpPipelineBuilder azure-core's {@code HttpPipelineBuilder} class, as its own class loader sees it
     * @param pipelinePolicies the policies the builder holds (null for none); never changed
     * @return the policies with the agent's last, or null
     */
    public static List<Object> policiesFor(Class<?> httpPipelineBuilder, List<?> pipelinePolicies) {
        BiFunction<Class<?>, List<?>, List<Object>> current = policies;
        if (current == null) {
            return null;
        }
        try {
            return current.apply(httpPipelineBuilder, pipelinePolicies);
        } catch (Throwable broken) {
            report("ERROR", "a pipeline is left unattributed: " + broken);
            return null;
        }
    }

    /**
     * An OkHttp {@code Interceptor} of the OkHttp that defined {@code okHttpClient}, which attributes requests to
     * Azure Resource Manager's hosts only, for the next client; or null. Called by the {@code build()} the agent gives
     * {@code OkHttpClient.Builder}; never throws.
     *
     * @param okHttpClient OkHttp's {@code OkHttpClient} class, as its own class loader sees it
     * @param interceptors the interceptors the client will have; never changed
     * @return the interceptor, or null (also when {@code interceptors} already attribute)
     */
    public static Object okHttpInterceptorFor(Class<?> okHttpClient, List<?> interceptors) {
        BiFunction<Class<?>, List<?>, Object> current = okHttpInterceptors;
        try {
            return current == null ? null : current.apply(okHttpClient, interceptors);
        } catch (Throwable broken) {
            report("ERROR", "an OkHttp client is left unattributed: " + broken);
            return null;
        }
    }

    /**
     * An Apache HttpClient 5 {@code HttpRequestInterceptor}, of the HttpClient that defined {@code interceptorType},
     * which attributes requests to Azure Resource Manager's hosts only, for {@code builder}'s next client; or null
     * (also when that builder already has it). Called by the {@code build()} the agent gives HttpClient 5's builders;
     * never throws.
     *
     * @param interceptorType HttpCore 5's {@code HttpRequestInterceptor}, as its own class loader sees it
     * @param builder the builder
     * @return the interceptor, or null
     */
    public static Object httpClient5InterceptorFor(Class<?> interceptorType, Object builder) {
        BiFunction<Class<?>, Object, Object> current = httpClient5Interceptors;
        try {
            return current == null ? null : current.apply(interceptorType, builder);
        } catch (Throwable broken) {
            report("ERROR", "an Apache HttpClient 5 client is left unattributed: " + broken);
            return null;
        }
    }

    /**
     * The JDK's {@code HttpClient} {@code client}, wrapped so that it attributes requests to Azure Resource Manager's
     * hosts only; or {@code client} itself. Called by the {@code build()} the agent gives the JDK's
     * {@code HttpClient.Builder}; never throws.
     *
     * @param client a {@code java.net.http.HttpClient}
     * @return the client to use
     */
    public static Object wrapJavaNetHttp(Object client) {
        UnaryOperator<Object> current = javaNetHttpClients;
        try {
            return current == null ? client : current.apply(client);
        } catch (Throwable broken) {
            report("ERROR", "a java.net.http client is left unattributed: " + broken);
            return client;
        }
    }

    /**
     * What the agent did, for {@code attribution doctor} and the Actuator endpoint: whether it is attached, each
     * azure-core it instrumented or left alone, what it reported, and each id it sent with its path.
     *
     * @return the lines, empty when the agent is not attached
     */
    public static List<String> status() {
        Supplier<List<String>> current = status;
        if (current != null) {
            return current.get();
        }
        return failure == null ? Collections.<String>emptyList()
                : Collections.singletonList("ERROR not attached: " + failure);
    }

    private static void report(String level, String message) {
        System.err.println("[partner-attribution] " + level + " Java agent: " + message);
    }

    private static File jarFile() throws Exception {
        CodeSource source = AttributionAgent.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("the agent cannot tell which jar it was loaded from");
        }
        return new File(source.getLocation().toURI());
    }

    /**
     * The agent's own class loader: the classes under {@code inst/}, over the JDK's (the platform class loader, not
     * the service's class path).
     */
    static final class Inst extends ClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final JarFile jar;
        private final URL base;
        private final ProtectionDomain domain;

        Inst(File file) throws IOException {
            super(ClassLoader.getSystemClassLoader().getParent());
            this.jar = new JarFile(file, false);
            this.base = file.toURI().toURL();
            this.domain = new ProtectionDomain(new CodeSource(base, (Certificate[]) null), null, this, null);
        }

        /** The bytes of class {@code name} under {@code inst/}, or null. */
        byte[] bytes(String name) {
            JarEntry entry = jar.getJarEntry("inst/" + name.replace('.', '/') + ".classdata");
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(entry.getSize(), 256));
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException unreadable) {
                throw new IllegalStateException("cannot read " + entry.getName() + " from " + base, unreadable);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = bytes(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length, domain);
        }

        @Override
        protected URL findResource(String name) {
            String entry = name.endsWith(".class")
                    ? "inst/" + name.substring(0, name.length() - ".class".length()) + ".classdata" : "inst/" + name;
            if (jar.getJarEntry(entry) == null) {
                return null;
            }
            try {
                return new URL("jar:" + base + "!/" + entry);
            } catch (MalformedURLException impossible) {
                return null;
            }
        }

        @Override
        protected java.util.Enumeration<URL> findResources(String name) {
            URL one = findResource(name);
            List<URL> all = new ArrayList<>();
            if (one != null) {
                all.add(one);
            }
            return Collections.enumeration(all);
        }
    }
}
