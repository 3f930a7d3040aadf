package io.github.partnerattribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.Region;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
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
