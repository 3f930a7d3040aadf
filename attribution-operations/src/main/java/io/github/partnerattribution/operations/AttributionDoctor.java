package io.github.partnerattribution.operations;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.Context;
import com.azure.core.util.CoreUtils;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.azurecore.support.ZeroCodeSettings;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.AttributedInThisJvm;
import io.github.partnerattribution.core.support.JavaAgentStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The effective attribution configuration of a process, in one place, for a partner's own health check and for
 * {@code attribution doctor}: the partner id and where it came from, the customer's opt-out and where it came from,
 * whether zero-code mode is on the class path and would attribute, the azure-core version, the exact
 * User-Agent a new Azure Resource Manager client would send and, for this JVM, every partner id it has sent and
 * through which path (set in code as well as by the environment), and every warning it raised. Nothing is sent anywhere: the User-Agent is taken from
 * a pipeline whose HTTP client answers locally.
 *
 * <pre>{@code
 * AttributionDoctor doctor = AttributionDoctor.examine();
 * if (!doctor.healthy()) {
 *     log.error(doctor.problem());
 * }
 * System.out.println(doctor.text());
 * }</pre>
 */
public final class AttributionDoctor {
    private static final String PROVIDER_FILE = "META-INF/services/com.azure.core.http.policy.BeforeRetryPolicyProvider";
    private static final String ARM_SDK_NAME = "com.azure.resourcemanager.resources";

    private final Attribution attribution;
    private final String problem;
    private final boolean zeroCodeOnClassPath;
    private final String azureCoreVersion;
    private final String armSdkVersion;
    private final String userAgent;
    private final Attribution configured;
    private final List<String> reported;
    private final List<String> attributed;
    private final List<String> javaAgent;

    private AttributionDoctor(Attribution attribution, String problem, boolean zeroCodeOnClassPath,
            String azureCoreVersion, String armSdkVersion, String userAgent, Attribution configured,
            List<String> reported, List<String> attributed, List<String> javaAgent) {
        this.attribution = attribution;
        this.javaAgent = javaAgent;
        this.configured = configured;
        this.reported = reported;
        this.attributed = attributed;
        this.problem = problem;
        this.zeroCodeOnClassPath = zeroCodeOnClassPath;
        this.azureCoreVersion = azureCoreVersion;
        this.armSdkVersion = armSdkVersion;
        this.userAgent = userAgent;
    }

    /**
     * Examines this process: its system properties and environment.
     *
     * @return the diagnosis
     */
    public static AttributionDoctor examine() {
        return examine(propertiesOf(System.getProperties()), System.getenv(), Configuration.getGlobalConfiguration(),
                Reports.decisions(), AttributedInThisJvm.all());
    }

    /**
     * Examines the configuration the given maps describe, standing for this process's system properties and
     * environment.
     *
     * @param systemProperties stands for {@link System#getProperties()}
     * @param environment stands for {@link System#getenv()}
     * @return the diagnosis
     */
    public static AttributionDoctor examine(Map<String, String> systemProperties, Map<String, String> environment) {
        return examine(systemProperties, environment, new ConfigurationBuilder(path -> Collections.<String, String>emptyMap(),
                path -> systemProperties, path -> environment).build(), null, null);
    }

    private static AttributionDoctor examine(Map<String, String> systemProperties, Map<String, String> environment,
            Configuration configuration, List<String> reported, List<String> attributed) {
        Attribution attribution;
        String problem = null;
        try {
            attribution = Attribution.fromEnvironment(systemProperties, environment);
        } catch (InvalidPartnerIdException e) {
            attribution = Attribution.none();
            problem = e.getMessage();
        }
        String armVersion = CoreUtils.getProperties("azure-resourcemanager-resources.properties").get("version");
        String version = armVersion == null ? "unknown" : armVersion;
        HttpPipelinePolicy attributing = PartnerAttributionPolicy.create(attribution);
        return new AttributionDoctor(attribution, problem, providerListed(),
                CoreUtils.getProperties("azure-core.properties").get("version"), armVersion,
                userAgentOf(new UserAgentPolicy(null, ARM_SDK_NAME, version, configuration), attributing),
                attribution.isOptedOut() ? configuredDespiteOptOut(systemProperties, environment) : attribution,
                reported, attributed, JavaAgentStatus.lines()); // after the pipeline above: what the agent did to it
    }

    /** The id the settings name, read as if the customer had not opted out: shown, never sent. */
    private static Attribution configuredDespiteOptOut(Map<String, String> systemProperties, Map<String, String> environment) {
        Map<String, String> props = new java.util.HashMap<>(systemProperties);
        Map<String, String> env = new java.util.HashMap<>(environment);
        props.remove(Attribution.DISABLED_PROPERTY);
        env.remove(Attribution.DISABLED_VARIABLE);
        try {
            return Attribution.fromEnvironment(props, env);
        } catch (InvalidPartnerIdException e) {
            return Attribution.none();
        }
    }

    /** {@return whether the configuration is valid: false when a setting holds a malformed id} */
    public boolean healthy() {
        return problem == null;
    }

    /** {@return what is wrong, naming the setting, or null when {@link #healthy()}} */
    public String problem() {
        return problem;
    }

    /** {@return the partner id zero-code mode and {@link Attribution#fromEnvironment()} would use, or null} */
    public PartnerId partnerId() {
        return attribution.partnerId();
    }

    /**
     * The partner id the settings name, also when the customer opted out (then it is not sent, and
     * {@link #partnerId()} is null).
     *
     * @return the configured id, or null when none is set (or it is malformed: see {@link #problem()})
     */
    public PartnerId configuredPartnerId() {
        return configured.partnerId();
    }

    /**
     * The errors, warnings and decisions (such as a different id in code and in the environment) that this
     * library reported in this JVM so far, each prefixed with its level. Empty for a diagnosis of given maps.
     *
     * @return the lines, in the order they were first reported
     */
    public List<String> reportedInThisJvm() {
        return reported == null ? Collections.<String>emptyList() : reported;
    }

    /**
     * Every partner id this JVM has attributed requests with so far, each with the path that sent it: an id set in
     * code ({@code pid-... through AttributedClientFactory}, {@code PartnerAttributionPolicy}, an HTTP client's
     * interceptor) as well as zero-code mode's and the Spring Boot starter's. Empty for a diagnosis of given maps.
     *
     * @return the lines, in the order first sent
     */
    public List<String> attributedInThisJvm() {
        return attributed == null ? Collections.<String>emptyList() : attributed;
    }

    /**
     * What the Java agent ({@code attribution-agent.jar}) did in this JVM: where it was attached from, each
     * azure-core it attributed or left alone, what it reported, and each id it sent ({@code attributed pid-...
     * through the Java agent}). Empty when the agent is not attached. This JVM's agent, for a diagnosis of given
     * maps too: the {@code attribution doctor} command runs with the environment's {@code JAVA_TOOL_OPTIONS}, so it
     * shows the agent that the environment attaches to every JVM.
     *
     * @return the lines, the first saying where the agent was attached from
     */
    public List<String> javaAgent() {
        return javaAgent;
    }

    /** {@return where the id came from, such as {@code environment variable AZURE_PARTNER_ID}, or {@code none}} */
    public String partnerIdSource() {
        return attribution.source();
    }

    /** {@return whether the customer opted out} */
    public boolean optedOut() {
        return attribution.isOptedOut();
    }

    /** {@return where the opt-out came from, or null when there is none} */
    public String optOutSource() {
        return attribution.optOutSource();
    }

    /** {@return doubtful but not fatal settings (see {@link Attribution#warnings()})} */
    public List<String> warnings() {
        return attribution.warnings();
    }

    /** {@return whether zero-code mode's provider is on the class path, where azure-core will load it} */
    public boolean zeroCodeOnClassPath() {
        return zeroCodeOnClassPath;
    }

    /** {@return whether zero-code mode would attribute every Azure client of this process} */
    public boolean zeroCodeActive() {
        return zeroCodeOnClassPath && attribution.isActive();
    }

    /** {@return the azure-core version on the class path} */
    public String azureCoreVersion() {
        return azureCoreVersion;
    }

    /**
     * The User-Agent a new Azure Resource Manager client of this process would send with this configuration (its
     * SDK name and version as azure-resourcemanager's clients write them, {@code AZURE_HTTP_USER_AGENT}'s text, the
     * token), whether it comes from zero-code mode or from {@link AttributedClientFactory}.
     *
     * @return the header value
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * One screen, for a terminal or a log.
     *
     * @return the diagnosis as text
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        PartnerId shown = configuredPartnerId();
        b.append("Partner id:        ").append(shown == null ? attributedInThisJvm().isEmpty() ? "none"
                : "none in this process's settings; this JVM sends the ids under Attributed" : shown.token())
                .append(shown == null ? "" : " (from the " + configured.source() + ")")
                .append(shown != null && optedOut() ? ", not sent: the customer opted out" : "").append('\n');
        if (problem != null) {
            b.append("Problem:           ").append(problem).append('\n');
        }
        b.append("Customer opt-out:  ").append(optedOut() ? "yes, from the " + optOutSource() + "; nothing is attributed"
                : "no").append('\n');
        b.append("Zero-code mode:    ").append(!zeroCodeOnClassPath ? "not on the class path"
                : zeroCodeActive() ? "on the class path, active: every Azure client of this process is attributed"
                : "on the class path, inactive (" + (problem != null ? "the setting above is invalid"
                : optedOut() ? "the customer opted out" : "no partner id is set") + ")").append('\n');
        b.append("azure-core:        ").append(azureCoreVersion == null ? "unknown" : azureCoreVersion).append('\n');
        b.append("ARM clients:       ").append(armSdkVersion == null ? "azure-resourcemanager not on the class path"
                : ARM_SDK_NAME + " " + armSdkVersion).append('\n');
        b.append("User-Agent:        ").append(userAgent).append('\n');
        if (javaAgent.isEmpty()) {
            b.append("Java agent:        not attached\n");
        }
        for (String line : javaAgent) {
            b.append("Java agent:        ").append(line).append('\n');
        }
        if (attributed != null && attributed.isEmpty()) {
            b.append("Attributed:        no request of this JVM so far\n");
        }
        for (String line : attributedInThisJvm()) {
            b.append("Attributed:        ").append(line).append('\n');
        }
        for (String warning : warnings()) {
            b.append("Warning:           ").append(warning).append('\n');
        }
        for (String line : reportedInThisJvm()) {
            b.append("Reported:          ").append(line).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static boolean providerListed() {
        String name = ZeroCodeSettings.PROVIDER;
        try {
            Enumeration<URL> files = AttributionDoctor.class.getClassLoader().getResources(PROVIDER_FILE);
            while (files.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.trim().equals(name)) {
                            return true;
                        }
                    }
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * The User-Agent a request gets from these policies, sent to an HTTP client that answers locally. Sent
     * synchronously, as every policy here can be, so that nothing of Reactor is started for it.
     */
    private static String userAgentOf(HttpPipelinePolicy... policies) {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpClient local = new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                return Mono.fromCallable(() -> sendSync(request, Context.NONE));
            }

            @Override
            public HttpResponse sendSync(HttpRequest request, Context context) {
                seen.set(request.getHeaders().getValue(HttpHeaderName.USER_AGENT));
                return new LocalResponse(request);
            }
        };
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(local).policies(policies).build();
        pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://management.azure.com/"), Context.NONE).close();
        return seen.get();
    }

    private static Map<String, String> propertiesOf(java.util.Properties properties) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            out.put(name, properties.getProperty(name));
        }
        return Collections.unmodifiableMap(out);
    }

    /** An empty 200, never sent over a network. */
    private static final class LocalResponse extends HttpResponse {
        LocalResponse(HttpRequest request) {
            super(request);
        }

        @Override
        public int getStatusCode() {
            return 200;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return null;
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public reactor.core.publisher.Flux<java.nio.ByteBuffer> getBody() {
            return reactor.core.publisher.Flux.empty();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(new byte[0]);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just("");
        }

        @Override
        public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
            return Mono.just("");
        }
    }
}
