package io.github.partnerattribution.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.RecordedRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent attached to real services, each in its own JVM, against the ARM emulator. */
class AgentProcessIT {
    static final PartnerId OURS = PartnerId.parse("pid-5a4d3e2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c");
    static final PartnerId IN_CODE = PartnerId.parse("pid-0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");

    private static ArmEmulator arm;

    @BeforeAll
    static void start() {
        arm = ArmEmulator.start();
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @BeforeEach
    void reset() {
        arm.reset();
    }

    @Test
    void aServiceWithoutTheLibraryIsAttributedOnEveryRequestAndSeesNoneOfTheAgentsClasses() {
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.ArmService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).run(arm).succeeded();

        arm.assertEveryRequestCarries(OURS);
        assertTrue(paths().stream().anyMatch(p -> p.contains("/resourcegroups")), paths()::toString);
        assertTrue(paths().stream().anyMatch(p -> p.contains("Microsoft.App/containerApps")), paths()::toString);
        assertTrue(run.output.contains("visible agent classes: none"), run.output);
    }

    @Test
    void withoutTheAgentTheSameServiceSendsNoId() {
        Service.withoutTheLibrary("com.contoso.services.ArmService").env("AZURE_PARTNER_ID", OURS.guid())
                .run(arm).succeeded();

        arm.assertNoRequestCarriesAPartnerId();
    }

    @Test
    void aServiceThatAttributesInCodeWithTheSameIdSendsItOnce() {
        Service.withTheLibrary("com.contoso.services.FactoryService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).run(arm, OURS.toString()).succeeded();

        arm.assertEveryRequestCarries(OURS);
    }

    @Test
    void aPipelineThatCarriesTheLibraryIsLeftToItSoAnIdInCodeStillWins() {
        Service.Run run = Service.withTheLibrary("com.contoso.services.FactoryService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).run(arm, IN_CODE.toString()).succeeded();

        arm.assertEveryRequestCarries(IN_CODE);
        assertFalse(arm.requests().stream().anyMatch(r -> r.userAgent().contains(OURS.toString())),
                arm.requests()::toString);
        assertEquals(1, count(run.output, "a client attributed in code with " + IN_CODE), run.output);
        assertEquals(1, count(run.output, "already carries the library's"), run.output);
    }

    @Test
    void theDoctorShowsTheAgentAttachedAndWhatItAttributed() {
        Service.Run run = Service.withTheDoctor("com.contoso.services.DoctorService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).run(arm).succeeded();

        arm.assertEveryRequestCarries(OURS);
        assertTrue(run.output.contains("Java agent:        attached from " + Service.AGENT), run.output);
        // The service's own pipeline is the agent's; the ARM client's carries the library's zero-code mode.
        assertTrue(run.output.contains("Java agent:        attributed " + OURS + " through the Java agent"),
                run.output);
        assertTrue(run.output.contains("Attributed:        " + OURS + " through zero-code mode"), run.output);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void plainHttpClientsAttributeTheArmHostsOnlyAndNothingIsAddedForAnyOtherHost(boolean newest) {
        Service service = Service.withoutTheLibrary("com.contoso.services.PlainHttpService");
        if (newest) {
            service.newestPlainClients(); // else the floors: OkHttp 4.0.0, Apache HttpClient 5.0.4
        }
        Service.Run run = service.withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).env("AZURE_PARTNER_ATTRIBUTION_HOSTS", "LocalHost")
                .jvm("-Djava.net.preferIPv4Stack=true").run(arm).succeeded();

        assertTrue(run.output.contains(newest ? "okhttp-jvm-" + System.getProperty("okhttp.newest.version")
                : "okhttp-" + System.getProperty("okhttp.floor.version")), run.output);
        assertTrue(run.output.contains("httpclient5-" + System.getProperty(newest ? "httpclient5.newest.version"
                : "httpclient5.floor.version")), run.output);
        List<String> sent = arm.requests().stream().map(RecordedRequest::userAgent).collect(Collectors.toList());
        // In the order sent: java.net.http, OkHttp's three clients and Apache's, to localhost (listed), then to
        // 127.0.0.1 (not listed).
        String jdk = "contoso-jdk";
        String okHttp = "contoso-okhttp";
        String apache = "contoso-apache";
        String ours = " " + OURS;
        assertEquals(List.of(jdk + ours, okHttp + ours, okHttp + ours, okHttp + ours, apache + ours,
                jdk, okHttp, okHttp, okHttp, apache), sent, run.output);
    }

    @Test
    void withoutTheSettingTheEmulatorIsNoArmHostAndPlainClientsSendNoId() {
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.PlainHttpService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).jvm("-Djava.net.preferIPv4Stack=true").run(arm)
                .succeeded();

        arm.assertNoRequestCarriesAPartnerId();
        assertEquals(10, arm.requests().size(), run.output);
    }

    @Test
    void aMalformedHostsSettingIsReportedOnceAndOnlyArmsHostsAreAttributed() {
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.PlainHttpService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid())
                .env("AZURE_PARTNER_ATTRIBUTION_HOSTS", "https://localhost:8443/")
                .jvm("-Djava.net.preferIPv4Stack=true").run(arm).succeeded();

        arm.assertNoRequestCarriesAPartnerId();
        assertEquals(1, count(run.output, "holds \"https://localhost:8443/\", which is not a host name"),
                run.output);
    }

    @Test
    void theCustomersOptOutSendsNothing() {
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.ArmService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).env("AZURE_PARTNER_ATTRIBUTION_DISABLED", "true")
                .run(arm).succeeded();

        arm.assertNoRequestCarriesAPartnerId();
        assertTrue(run.output.contains("AZURE_PARTNER_ATTRIBUTION_DISABLED"), run.output);
    }

    @Test
    void aMalformedIdIsReportedOnceAndTheServiceRunsUnattributed() {
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.ArmService").withAgent()
                .env("AZURE_PARTNER_ID", "not-a-guid").run(arm).succeeded();

        arm.assertNoRequestCarriesAPartnerId();
        assertEquals(1, count(run.output, "Partner attribution (Java agent) is off"), run.output);
        assertTrue(run.output.contains("AZURE_PARTNER_ID"), run.output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure-core.floor.version", "azure-core.bom.version"})
    void theFloorAndTheNewestAzureCoreAreAttributedOncePerPipeline(String property) {
        String version = System.getProperty(property);
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.PipelineService").azureCore(version)
                .withAgent().env("AZURE_PARTNER_ID", OURS.guid()).run(arm).succeeded();

        arm.assertEveryRequestCarries(OURS);
        assertEquals(2, arm.requests().size(), run.output);
        // The builder, built twice, gives two pipelines of the same length: one policy each, not one more each time.
        Matcher counts = Pattern.compile("pipeline \\d: (\\d+) policies").matcher(run.output);
        assertTrue(counts.find(), run.output);
        String first = counts.group(1);
        assertTrue(counts.find(), run.output);
        assertEquals(first, counts.group(1), run.output);
        assertTrue(run.output.contains("azure-core " + version), run.output);
    }

    @Test
    void aWebApplicationsOwnClassLoaderIsAttributedToo() {
        Service.Run run = Service.webApplication("com.contoso.services.PipelineService").withAgent()
                .env("AZURE_PARTNER_ID", OURS.guid()).run(arm).succeeded();

        arm.assertEveryRequestCarries(OURS);
        assertTrue(run.output.contains("web application loaded by java.net.URLClassLoader; azure-core there:"
                + " java.net.URLClassLoader"), run.output);
    }

    @Test
    void anAzureCoreOutsideTheKnownRangeIsReportedAndLeftAlone() {
        String version = System.getProperty("azure-core.outside.version");
        Service.Run run = Service.withoutTheLibrary("com.contoso.services.PipelineService").azureCore(version)
                .withAgent().env("AZURE_PARTNER_ID", OURS.guid()).run(arm).succeeded();

        arm.assertNoRequestCarriesAPartnerId();
        assertEquals(1, count(run.output, "azure-core " + version), run.output);
        assertTrue(run.output.contains("is not a version this agent knows (1.37.0 to 1.57.x)"), run.output);
    }

    private static List<String> paths() {
        return arm.requests().stream().map(RecordedRequest::path).collect(Collectors.toList());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
