package io.github.partnerattribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.Region;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.azurecore.support.ZeroCodeSettings;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.AttributedInThisJvm;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The doctor says what a process's configuration does, and its User-Agent is the one a real client sends. */
class AttributionDoctorTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @Test
    void anIdFromTheEnvironmentIsNamedWithItsSourceAndZeroCodeWouldAttribute() {
        AttributionDoctor doctor = AttributionDoctor.examine(Map.of(), Map.of("AZURE_PARTNER_ID", ID.guid()));
        assertTrue(doctor.healthy());
        assertEquals(ID, doctor.partnerId());
        assertEquals("environment variable AZURE_PARTNER_ID", doctor.partnerIdSource());
        assertTrue(doctor.zeroCodeOnClassPath());
        assertTrue(doctor.zeroCodeActive());
        assertTrue(doctor.userAgent().startsWith("azsdk-java-com.azure.resourcemanager.resources/"), doctor.userAgent());
        assertTrue(doctor.userAgent().endsWith(" " + ID.token()), doctor.userAgent());
        assertTrue(doctor.text().contains("Partner id:        " + ID.token() + " (from the environment variable"
                + " AZURE_PARTNER_ID)"), doctor.text());
        assertTrue(doctor.text().contains("Zero-code mode:    on the class path, active"), doctor.text());
    }

    @Test
    void aMalformedIdIsTheProblemNamingTheVariableAndNothingIsAttributed() {
        AttributionDoctor doctor = AttributionDoctor.examine(Map.of(), Map.of("ARM_PARTNER_ID", "zz"));
        assertFalse(doctor.healthy());
        assertTrue(doctor.problem().contains("ARM_PARTNER_ID"), doctor.problem());
        assertNull(doctor.partnerId());
        assertFalse(doctor.userAgent().contains("pid-"), doctor.userAgent());
        assertTrue(doctor.text().contains("inactive (the setting above is invalid)"), doctor.text());
    }

    @Test
    void theCustomersOptOutIsShownWithItsSource() {
        AttributionDoctor doctor = AttributionDoctor.examine(Map.of("azure.partner.attribution.disabled", "true"),
                Map.of("AZURE_PARTNER_ID", ID.guid()));
        assertTrue(doctor.optedOut());
        assertFalse(doctor.zeroCodeActive());
        assertFalse(doctor.userAgent().contains("pid-"), doctor.userAgent());
        assertTrue(doctor.text().contains("Customer opt-out:  yes, from the system property"
                + " azure.partner.attribution.disabled"), doctor.text());
        // the configured id is shown, not hidden behind "none", and said not to be sent
        assertNull(doctor.partnerId());
        assertEquals(ID, doctor.configuredPartnerId());
        assertTrue(doctor.text().startsWith("Partner id:        " + ID.token() + " (from the environment variable"
                + " AZURE_PARTNER_ID), not sent: the customer opted out\n"), doctor.text());
        assertEquals(List.of(), doctor.reportedInThisJvm(), "a diagnosis of given maps is not this JVM's");
    }

    @Test
    void whatThisJvmReportedIsShownByTheProcessDiagnosis() {
        Reports.redirectForTests(null);
        try {
            Reports.sink().warning("two ids in one process");
            AttributionDoctor doctor = AttributionDoctor.examine();
            assertEquals(List.of("WARNING two ids in one process"), doctor.reportedInThisJvm());
            assertTrue(doctor.text().contains("Reported:          WARNING two ids in one process\n"), doctor.text());
        } finally {
            Reports.redirectForTests(null);
        }
    }

    static AzureResourceManager arm(AzureResourceManager.Configurable configurable) {
        return configurable.withHttpClient(ARM.emulator().nettyHttpClient())
                .authenticate(ARM.emulator().credential(), ARM.emulator().azureProfile()).withDefaultSubscription();
    }

    /** A service whose only attribution is in code: the doctor names the id it sends and the factory that sends it. */
    @Test
    void anIdSetOnlyInCodeIsSeenWithItsPath() {
        Reports.redirectForTests(null);
        AttributedInThisJvm.forgetForTests();
        try {
            AttributedClientFactory clients = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));
            assertTrue(AttributionDoctor.examine().text().contains("Attributed:        no request of this JVM so far\n"));
            // This JVM runs without the Java agent; its process tests show it attached (attribution-agent).
            assertTrue(AttributionDoctor.examine().text().contains("Java agent:        not attached\n"));
            assertEquals(List.of(), AttributionDoctor.examine(Map.of(), Map.of()).javaAgent());
            arm(clients.configure(AzureResourceManager.configure())).resourceGroups().define("code")
                    .withRegion(Region.EUROPE_WEST).create();
            AttributionDoctor doctor = AttributionDoctor.examine();
            assertEquals(List.of(ID.token() + " through AttributedClientFactory"), doctor.attributedInThisJvm());
            assertTrue(doctor.text().contains("Attributed:        " + ID.token() + " through AttributedClientFactory\n"),
                    doctor.text());
            assertEquals(List.of(), AttributionDoctor.examine(Map.of(), Map.of()).attributedInThisJvm(),
                    "a diagnosis of given maps is not this JVM's");
            assertTrue(AttributionDoctor.examine(Map.of(), Map.of()).text().startsWith("Partner id:        none\n"));
        } finally {
            AttributedInThisJvm.forgetForTests();
        }
    }

    /**
     * Two ids in one JVM, one set in code and one by the host's settings (zero-code mode): the doctor lists both with
     * their paths, and the warning that said so is in the report itself, not only on standard error.
     */
    @Test
    void twoIdsAreBothListedAndTheWarningIsInTheReport() {
        PartnerId other = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        Attribution host = Attribution.of(other, "a test host's setting", Map.of(), Map.of());
        Reports.redirectForTests(null);
        AttributedInThisJvm.forgetForTests();
        ZeroCodeSettings.install(host, "a test host (zero-code mode)");
        try {
            arm(AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()))
                    .configure(AzureResourceManager.configure())).resourceGroups().define("code")
                    .withRegion(Region.EUROPE_WEST).create();
            arm(AzureResourceManager.configure()).resourceGroups().define("host").withRegion(Region.EUROPE_WEST)
                    .create();
            AttributionDoctor doctor = AttributionDoctor.examine();
            assertEquals(List.of(ID.token() + " through AttributedClientFactory",
                    other.token() + " through a test host (zero-code mode)"), doctor.attributedInThisJvm());
            String twoIds = "WARNING Partner attribution: the a test host's setting sets " + other;
            assertTrue(doctor.reportedInThisJvm().stream().anyMatch(line -> line.startsWith(twoIds)),
                    doctor.reportedInThisJvm().toString());
            assertTrue(doctor.text().contains("Reported:          " + twoIds), doctor.text());
        } finally {
            ZeroCodeSettings.remove(host);
            AttributedInThisJvm.forgetForTests();
            Reports.redirectForTests(null);
        }
    }

    /** The other id in the text the User-Agent already carries: both are credited, and the report says so. */
    @Test
    void anIdAlreadyInTheUserAgentIsReportedInTheReport() {
        PartnerId other = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        Reports.redirectForTests(null);
        try {
            arm(AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of("AZURE_HTTP_USER_AGENT",
                    other.token()))).configure(AzureResourceManager.configure())).resourceGroups().define("extra")
                    .withRegion(Region.EUROPE_WEST).create();
            assertTrue(AttributionDoctor.examine().text().contains("Reported:          WARNING The User-Agent already"
                    + " carries " + other), AttributionDoctor.examine().text());
        } finally {
            Reports.redirectForTests(null);
        }
    }

    @Test
    void theUserAgentIsExactlyWhatANewArmClientSends() {
        Map<String, String> environment = Map.of("AZURE_PARTNER_ID", ID.guid(), "AZURE_HTTP_USER_AGENT", "contoso-ci");
        AttributionDoctor doctor = AttributionDoctor.examine(Map.of(), environment);
        AzureResourceManager azure = AttributedClientFactory.create(Attribution.fromEnvironment(Map.of(), environment))
                .configure(AzureResourceManager.configure().withHttpClient(ARM.emulator().nettyHttpClient()))
                .authenticate(ARM.emulator().credential(), ARM.emulator().azureProfile()).withDefaultSubscription();
        azure.resourceGroups().define("doctor").withRegion(Region.EUROPE_WEST).create();
        assertEquals(ARM.emulator().requests().get(0).userAgent(), doctor.userAgent());
        assertTrue(doctor.userAgent().endsWith(" contoso-ci " + ID.token()), doctor.userAgent());
    }
}
