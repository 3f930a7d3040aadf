package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.internal.EnvironmentAttributionPolicyProvider;
import io.github.partnerattribution.azurecore.internal.PassThroughPolicy;
import io.github.partnerattribution.azurecore.internal.ZeroCodePolicy;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zero-code provider is loaded into every client of the JVM: a bad setting must never make it throw. The
 * settings come from system properties here (the environment of this JVM is not the test's to set; the CLI's
 * process tests cover the variables).
 */
@Tag("azure-core-only")
class ZeroCodeProviderTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    final Reports.Sink sink = mock(Reports.Sink.class);
    final EnvironmentAttributionPolicyProvider provider = new EnvironmentAttributionPolicyProvider();

    @BeforeEach
    void recordReports() {
        Reports.redirectForTests(sink);
    }

    @AfterEach
    void restore() {
        Reports.redirectForTests(null);
        System.clearProperty(Attribution.PARTNER_ID_PROPERTY);
        System.clearProperty(Attribution.DISABLED_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "bogus", "eb7927c8-dd66-43e1-b0cf-c346a422063", "pid-pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"})
    void aMalformedIdIsReportedOnceAtErrorLevelAndNothingIsAttributed(String malformed) {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, malformed);
        for (int client = 0; client < 3; client++) {
            assertSame(PassThroughPolicy.INSTANCE, provider.create(), "never throws, never null");
        }
        verify(sink).error(argThat(message -> message.startsWith("Partner attribution (zero-code mode) is off for every"
                + " client of this JVM: The system property azure.partner.id does not hold a valid partner id.")
                && message.contains("Correct or unset the setting")));
        verifyNoMoreInteractions(sink);
    }

    @Test
    void theErrorNamesTheExactProblem() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, "eb7927c8-dd66-43e1-b0cf-c346a422063");
        provider.create();
        verify(sink).error(argThat(message -> message.contains("group 5 has 11 hex digits; it needs 12")));
    }

    @Test
    void anUnclearOptOutIsReadAsOptedOutWithOneWarningAndOneInformationLine() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        System.setProperty(Attribution.DISABLED_PROPERTY, "maybe");
        assertSame(PassThroughPolicy.INSTANCE, provider.create());
        assertSame(PassThroughPolicy.INSTANCE, provider.create());
        verify(sink).warning("The system property azure.partner.attribution.disabled is \"maybe\", which is neither"
                + " true nor false; it is read as true, so partner attribution is off (the customer's privacy comes"
                + " first). Set it to true to opt out or to false to allow attribution.");
        verify(sink).decision("Partner attribution is off: the customer opted out through the system property"
                + " azure.partner.attribution.disabled. No pid- token is added to a request by a configuration that"
                + " reads it.");
        verifyNoMoreInteractions(sink);
    }

    @Test
    void aClearOptOutIsOneInformationLinePerJvmNamingItsSource() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        System.setProperty(Attribution.DISABLED_PROPERTY, "true");
        for (int client = 0; client < 3; client++) {
            assertSame(PassThroughPolicy.INSTANCE, provider.create());
        }
        verify(sink).decision("Partner attribution is off: the customer opted out through the system property"
                + " azure.partner.attribution.disabled. No pid- token is added to a request by a configuration that"
                + " reads it.");
        verifyNoMoreInteractions(sink);
    }

    @Test
    void aValidIdGivesAnAttributingPolicyAndSaysSoOnce() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, ID.guid());
        HttpPipelinePolicy first = provider.create();
        provider.create();
        ZeroCodePolicy policy = assertInstanceOf(ZeroCodePolicy.class, first);
        assertEquals(ID, policy.attribution().partnerId());
        verify(sink).info("Partner attribution (zero-code mode) is active for the Azure clients of this JVM: "
                + ID.token() + " from the system property azure.partner.id.");
        verifyNoMoreInteractions(sink);
    }

    /** A host's configuration (the Spring Boot starter's) replaces the process's until the host removes it. */
    @Test
    void aConfigurationInstalledByAHostIsUsedUntilRemoved() {
        System.setProperty(Attribution.PARTNER_ID_PROPERTY, "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        Attribution host = Attribution.of(ID, "Spring property azure.partner.id", java.util.Map.of(), java.util.Map.of());
        io.github.partnerattribution.azurecore.support.ZeroCodeSettings.install(host, "a host");
        try {
            assertSame(host, assertInstanceOf(ZeroCodePolicy.class, provider.create()).attribution());
        } finally {
            io.github.partnerattribution.azurecore.support.ZeroCodeSettings.remove(host);
        }
        assertEquals("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                assertInstanceOf(ZeroCodePolicy.class, provider.create()).attribution().partnerId().guid());
    }

    @Test
    void nothingSetIsSilent() {
        assertSame(PassThroughPolicy.INSTANCE, provider.create());
        verifyNoInteractions(sink);
    }
}
