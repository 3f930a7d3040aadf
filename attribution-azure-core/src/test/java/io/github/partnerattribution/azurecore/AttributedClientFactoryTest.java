package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tag(builder) on a real generated azure-core builder (Key Vault secrets), which is no ARM client. */
class AttributedClientFactoryTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    SecretClientBuilder secrets() {
        return new SecretClientBuilder()
                .vaultUrl(ARM.emulator().endpoint())
                .credential(ArmTestClients.CREDENTIAL)
                .httpClient(ArmTestClients.NETTY.httpClient(ARM.emulator()))
                .retryOptions(ArmTestClients.FAST_RETRIES);
    }

    static void callOnce(SecretClient client) {
        try {
            client.getSecret("partner-attribution");
        } catch (RuntimeException expected) {
            // the emulator serves ARM, not Key Vault: the call fails, and what it sent is what counts
        }
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(Attribution.PARTNER_ID_PROPERTY);
    }

    @Test
    void tagReturnsTheSameBuilderAndItsClientSendsTheToken() {
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
        SecretClientBuilder builder = secrets();
        assertSame(builder, factory.tag(builder));
        callOnce(builder.buildClient());
        ARM.emulator().assertEveryRequestCarries(ID);
        for (RecordedRequest r : ARM.emulator().requests()) {
            assertTrue(r.userAgent().startsWith("azsdk-java-azure-security-keyvault-secrets/"), r.toString());
            assertTrue(r.userAgent().endsWith(" " + ID.token()), r.toString());
        }
    }

    @Test
    void zeroCodeReachesGeneratedBuildersToo() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        callOnce(secrets().buildClient());
        ARM.emulator().assertEveryRequestCarries(ID);
    }

    @Test
    void taggingABuilderThatHoldsAWholePipelineFailsInsteadOfDoingNothing() {
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
        SecretClientBuilder builder = secrets().pipeline(new HttpPipelineBuilder().build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> factory.tag(builder));
        assertEquals("com.azure.security.keyvault.secrets.SecretClientBuilder already holds a complete pipeline(...);"
                + " azure-core ignores addPolicy on such a builder, so partner attribution cannot take effect. Tag the"
                + " pipeline itself with tag(pipeline) before you give it to the builder, or give the builder an"
                + " httpClient(...) instead of a pipeline.", e.getMessage());
    }

    /** A pipeline given after tag(builder) replaces the policy: azure-core's rule, and why tag(pipeline) exists. */
    @Test
    void aPipelineGivenAfterTagIsNotAttributedButATaggedPipelineIs() {
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
        HttpPipeline handBuilt = new HttpPipelineBuilder().httpClient(ArmTestClients.NETTY.httpClient(ARM.emulator()))
                .policies(new UserAgentPolicy()).build();
        callOnce(factory.tag(secrets()).pipeline(handBuilt).buildClient());
        ARM.emulator().assertNoRequestCarriesAPartnerId();
        ARM.emulator().reset();

        callOnce(secrets().pipeline(factory.tag(handBuilt)).buildClient());
        ARM.emulator().assertEveryRequestCarries(ID);
    }

    /** Zero-code is loaded into every client of the JVM: a bad setting must leave an unrelated client working. */
    @ParameterizedTest
    @CsvSource({"azure.partner.id, x", "azure.partner.id, eb7927c8-dd66-43e1-b0cf-c346a422063",
            "azure.partner.attribution.disabled, maybe"})
    void aBadSettingNeverBreaksAnUnrelatedClient(String property, String value) {
        System.setProperty(property, value);
        try {
            SecretClient client = secrets().buildClient();
            callOnce(client);
            assertTrue(ARM.emulator().requests().size() >= 1, "the client sent its request");
            ARM.emulator().assertNoRequestCarriesAPartnerId();
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> AttributedClientFactory.create(null));
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.none());
        assertThrows(NullPointerException.class, () -> factory.tag((SecretClientBuilder) null));
        assertThrows(NullPointerException.class, () -> factory.tag((com.azure.core.http.HttpPipeline) null));
        assertThrows(NullPointerException.class, () -> factory.configure(null));
    }

    /**
     * A user who only tags builders has no azure-resourcemanager: the factory must load, link and tag without it.
     * The calls are made from {@link WithoutArm}, loaded by a class loader that lacks azure-resourcemanager and
     * azure-core-management, the way user code calls the factory (reflection on the factory itself would resolve
     * the signatures of its ARM helpers, which need those jars).
     */
    @Test
    void worksWithoutAzureResourceManagerOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (!name.startsWith("azure-resourcemanager") && !name.startsWith("azure-core-management")) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("com.azure.resourcemanager.AzureResourceManager", false, loader));
            Object result = Class.forName(WithoutArm.class.getName(), true, loader).getMethod("tagABuilder").invoke(null);
            assertEquals("tagged " + SecretClientBuilder.class.getName(), result);
        }
    }

    /** Runs inside the class loader without azure-resourcemanager. */
    public static final class WithoutArm {
        public static String tagABuilder() {
            AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
            SecretClientBuilder builder = new SecretClientBuilder();
            return (factory.tag(builder) == builder ? "tagged " : "not tagged ") + builder.getClass().getName();
        }
    }

    @Test
    void policyCarriesTheFactorysAttribution() {
        Attribution attribution = Attribution.of(ID, Map.of(), Map.of());
        AttributedClientFactory factory = AttributedClientFactory.create(attribution);
        assertSame(attribution, factory.policy().attribution());
        assertTrue(UserAgents.carriesExactlyOnce(factory.policy().attributed("x/1"), ID));
    }
}
