package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttributionTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final PartnerId OTHER = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    static final String SDK = "azsdk-java-azure-core/1.57.0 (17.0.15; Linux; 6.1.0)";
    static final Map<String, String> NOTHING = Map.of();

    @Test
    void ofAttributesToTheIdFromCode() {
        Attribution a = Attribution.of(ID, NOTHING, NOTHING);
        assertTrue(a.isActive());
        assertEquals(ID, a.partnerId());
        assertEquals("code", a.source());
        assertEquals(SDK + " " + ID.token(), a.apply(SDK));
        assertEquals(ID.token(), a.apply(null));
    }

    @Test
    void applyIsIdempotent() {
        Attribution a = Attribution.of(ID, NOTHING, NOTHING);
        String once = a.apply(SDK);
        assertSame(once, a.apply(once));
    }

    @Test
    void noneChangesNothing() {
        Attribution none = Attribution.none();
        assertFalse(none.isActive());
        assertNull(none.partnerId());
        assertSame(SDK, none.apply(SDK));
        assertNull(none.apply(null));
    }

    @Test
    void anEmptyEnvironmentMeansNone() {
        Attribution a = Attribution.fromEnvironment(NOTHING, NOTHING);
        assertFalse(a.isActive());
        assertSame(SDK, a.apply(SDK));
    }

    @Test
    void readsTheSystemProperty() {
        Attribution a = Attribution.fromEnvironment(Map.of("azure.partner.id", ID.guid()), NOTHING);
        assertEquals(ID, a.partnerId());
        assertEquals("system property azure.partner.id", a.source());
    }

    @Test
    void readsTheEnvironmentVariable() {
        Attribution a = Attribution.fromEnvironment(NOTHING, Map.of("AZURE_PARTNER_ID", ID.token()));
        assertEquals(ID, a.partnerId());
        assertEquals("environment variable AZURE_PARTNER_ID", a.source());
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        Attribution a = Attribution.fromEnvironment(Map.of("azure.partner.id", ID.guid()),
                Map.of("AZURE_PARTNER_ID", OTHER.guid(), "ARM_PARTNER_ID", OTHER.guid()));
        assertEquals(ID, a.partnerId());
    }

    @Test
    void fallsBackToTerraformsVariable() {
        Attribution a = Attribution.fromEnvironment(NOTHING, Map.of("ARM_PARTNER_ID", ID.guid()));
        assertEquals(ID, a.partnerId());
        assertEquals("environment variable ARM_PARTNER_ID", a.source());

        Attribution both = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_PARTNER_ID", ID.guid(), "ARM_PARTNER_ID", OTHER.guid()));
        assertEquals(ID, both.partnerId(), "AZURE_PARTNER_ID comes before Terraform's name");
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        Attribution a = Attribution.fromEnvironment(Map.of("azure.partner.id", " "),
                Map.of("AZURE_PARTNER_ID", "", "ARM_PARTNER_ID", ID.guid()));
        assertEquals(ID, a.partnerId());
    }

    @Test
    void takesTheIdFromAzureHttpUserAgentLikeTheAzureCli() {
        Attribution a = Attribution.fromEnvironment(NOTHING, Map.of("AZURE_HTTP_USER_AGENT", ID.token()));
        assertEquals(ID, a.partnerId());
        assertEquals("environment variable AZURE_HTTP_USER_AGENT", a.source());
        assertEquals(SDK + " " + ID.token(), a.apply(SDK));
    }

    @Test
    void appendsTheTextOfAzureHttpUserAgentBeforeTheToken() {
        Attribution a = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_PARTNER_ID", ID.guid(), "AZURE_HTTP_USER_AGENT", "contoso-pipeline/3.1"));
        assertEquals(SDK + " contoso-pipeline/3.1 " + ID.token(), a.apply(SDK));
        assertEquals("contoso-pipeline/3.1 " + ID.token(), a.apply(""));
    }

    @Test
    void deduplicatesOurPidInAzureHttpUserAgent() {
        Attribution a = Attribution.fromEnvironment(NOTHING, Map.of("AZURE_PARTNER_ID", ID.guid(),
                "AZURE_HTTP_USER_AGENT", "ci/1 " + ID.token().toUpperCase() + " " + OTHER.token() + " " + ID.token()));
        String ua = a.apply(SDK);
        assertEquals(SDK + " ci/1 " + OTHER.token() + " " + ID.token(), ua);
        assertTrue(UserAgents.carriesExactlyOnce(ua, ID));
    }

    @Test
    void removesControlCharactersFromAzureHttpUserAgent() {
        Attribution a = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_PARTNER_ID", ID.guid(), "AZURE_HTTP_USER_AGENT", "ci/1\r\nX-Evil: 1\0\u200B"));
        String ua = a.apply(SDK);
        assertEquals(SDK + " ci/1 X-Evil: 1 " + ID.token(), ua);
        assertTrue(ua.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x200B), ua);
    }

    @Test
    void theCustomerOptOutWinsOverTheIdInCode() {
        Attribution a = Attribution.of(ID, NOTHING, Map.of("AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"));
        assertFalse(a.isActive());
        assertTrue(a.isOptedOut());
        assertSame(SDK, a.apply(SDK));
        assertNull(a.apply(null));
    }

    /** A host's own configuration names the id's source; the customer's opt-out and the extra text still apply. */
    @Test
    void anIdFromAHostsConfigurationKeepsItsSource() {
        Attribution a = Attribution.of(ID, "Spring property azure.partner.id (application.yml - 3:9)", NOTHING,
                Map.of("AZURE_HTTP_USER_AGENT", "contoso-ci"));
        assertEquals("Spring property azure.partner.id (application.yml - 3:9)", a.source());
        assertEquals(SDK + " contoso-ci " + ID.token(), a.apply(SDK));
        Attribution out = Attribution.of(ID, "Spring property azure.partner.id", Map.of("azure.partner.attribution.disabled", "true"), NOTHING);
        assertTrue(out.isOptedOut());
        assertSame(SDK, out.apply(SDK));
        assertEquals("Spring property azure.partner.id", out.source());
    }

    @Test
    void theOptOutPropertyWorksInAnyCase() {
        Attribution a = Attribution.fromEnvironment(
                Map.of("azure.partner.id", ID.guid(), "azure.partner.attribution.disabled", " TRUE "), NOTHING);
        assertTrue(a.isOptedOut());
        assertSame(SDK, a.apply(SDK));
    }

    @Test
    void theOptOutPropertyComesBeforeTheVariable() {
        Attribution a = Attribution.fromEnvironment(Map.of("azure.partner.attribution.disabled", "false"),
                Map.of("AZURE_PARTNER_ID", ID.guid(), "AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"));
        assertTrue(a.isActive());
    }

    @Test
    void anOptedOutCustomerIsNeverBrokenByAMalformedId() {
        Attribution a = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_PARTNER_ID", "not-a-guid", "AZURE_PARTNER_ATTRIBUTION_DISABLED", "1"));
        assertFalse(a.isActive());
        assertSame(SDK, a.apply(SDK));
    }

    @Test
    void aMalformedIdFailsFastNamingTheVariable() {
        InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class, () -> Attribution
                .fromEnvironment(NOTHING, Map.of("AZURE_PARTNER_ID", "eb7927c8-dd66-43e1-b0cf-c346a422063")));
        assertTrue(e.getMessage().startsWith("The environment variable AZURE_PARTNER_ID does not hold a valid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("group 5 has 11 hex digits; it needs 12"), e.getMessage());

        InvalidPartnerIdException p = assertThrows(InvalidPartnerIdException.class,
                () -> Attribution.fromEnvironment(Map.of("azure.partner.id", "pid-pid-" + ID.guid()), NOTHING));
        assertTrue(p.getMessage().contains("system property azure.partner.id"), p.getMessage());
        assertTrue(p.getMessage().contains("doubled"), p.getMessage());
    }

    @Test
    void anUnclearOptOutValueOptsOutWithAWarningNamingTheVariable() {
        Attribution a = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_PARTNER_ID", ID.guid(), "AZURE_PARTNER_ATTRIBUTION_DISABLED", "maybe"));
        assertTrue(a.isOptedOut());
        assertFalse(a.isActive());
        assertSame(SDK, a.apply(SDK));
        assertEquals("environment variable AZURE_PARTNER_ATTRIBUTION_DISABLED", a.optOutSource());
        assertEquals(List.of("The environment variable AZURE_PARTNER_ATTRIBUTION_DISABLED is \"maybe\", which is"
                + " neither true nor false; it is read as true, so partner attribution is off (the customer's privacy"
                + " comes first). Set it to true to opt out or to false to allow attribution."), a.warnings());
    }

    @Test
    void aClearConfigurationHasNoWarnings() {
        assertEquals(List.of(), Attribution.of(ID, NOTHING, Map.of("AZURE_HTTP_USER_AGENT", "ci/1")).warnings());
        assertEquals(List.of(), Attribution.fromEnvironment(NOTHING, NOTHING).warnings());
        assertNull(Attribution.of(ID, NOTHING, NOTHING).optOutSource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pid-eb7927c8-dd66-43e1-b0cf-c346a422063", "pid-pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
            "pid-{1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d}", "PID-xyz"})
    void aMalformedPidInAzureHttpUserAgentIsReportedAndLeftOut(String malformed) {
        Map<String, String> env = Map.of("AZURE_HTTP_USER_AGENT", "ci/1 " + malformed);
        Attribution zeroCode = Attribution.fromEnvironment(NOTHING, env);
        assertFalse(zeroCode.isActive(), "a malformed pid activates nothing");
        assertEquals(1, zeroCode.warnings().size(), zeroCode.warnings().toString());
        String warning = zeroCode.warnings().get(0);
        assertTrue(warning.startsWith("The environment variable AZURE_HTTP_USER_AGENT holds \""), warning);
        assertTrue(warning.contains("which is not a valid partner id: "), warning);
        assertTrue(warning.contains("It is left out of the User-Agent"), warning);

        Attribution fromCode = Attribution.of(ID, NOTHING, env);
        assertEquals(zeroCode.warnings(), fromCode.warnings());
        assertEquals(SDK + " ci/1 " + ID.token(), fromCode.apply(SDK), "never sent as it is");
    }

    @Test
    void theMalformedPidWarningNamesTheExactProblem() {
        Attribution a = Attribution.fromEnvironment(NOTHING,
                Map.of("AZURE_HTTP_USER_AGENT", "pid-eb7927c8-dd66-43e1-b0cf-c346a422063"));
        assertTrue(a.warnings().get(0).contains("group 5 has 11 hex digits; it needs 12"), a.warnings().toString());
    }

    @Test
    void nonAsciiInAzureHttpUserAgentIsPercentEncoded() {
        Attribution a = Attribution.of(ID, NOTHING, Map.of("AZURE_HTTP_USER_AGENT", "caf\u00e9\u00a0ci/1"));
        assertEquals(SDK + " caf%C3%A9 ci/1 " + ID.token(), a.apply(SDK));
    }

    @Test
    void aVeryLongAzureHttpUserAgentIsCutWithAWarning() {
        String huge = "x".repeat(100_000);
        Attribution a = Attribution.of(ID, NOTHING, Map.of("AZURE_HTTP_USER_AGENT", huge));
        assertEquals(Attribution.MAX_EXTRA_LENGTH, a.extraUserAgent().length());
        assertEquals(List.of("The environment variable AZURE_HTTP_USER_AGENT is 100000 characters long; only its first"
                + " 1024 are added to the User-Agent."), a.warnings());
        assertTrue(a.apply(SDK).endsWith(" " + ID.token()));
    }

    @Test
    void theCallersOwnValueBecomesAValidHeaderValue() {
        Attribution a = Attribution.of(ID, NOTHING, NOTHING);
        assertEquals("app/1 caf%C3%A9 x " + ID.token(), a.apply("app/1 caf\u00e9\r\nx"));
        assertEquals("tool%F0%9F%9A%80 " + ID.token(), a.apply("tool\uD83D\uDE80"));
    }

    @Test
    void describesItselfForALogLine() {
        assertEquals("Attribution[" + ID.token() + " from environment variable ARM_PARTNER_ID]",
                Attribution.fromEnvironment(NOTHING, Map.of("ARM_PARTNER_ID", ID.guid())).toString());
        assertEquals("Attribution[none]", Attribution.none().toString());
    }

    /** A host that read the opt-out itself names where: the source is its, and so is the warning of a doubtful value. */
    @Test
    void anOptOutAHostReadIsNamedAfterWhereItWasSet() {
        Attribution active = Attribution.of(ID, NOTHING, NOTHING);
        String where = "Spring property azure.partner.attribution.disabled (application.yml - 3:5)";
        Attribution optedOut = active.withOptOut("true", where);
        assertTrue(optedOut.isOptedOut());
        assertEquals(where, optedOut.optOutSource());
        assertEquals(SDK, optedOut.apply(SDK));
        assertEquals(List.of(), optedOut.warnings());
        Attribution doubtful = active.withOptOut("maybe", where);
        assertTrue(doubtful.isOptedOut());
        assertEquals(1, doubtful.warnings().size());
        assertTrue(doubtful.warnings().get(0).startsWith("The " + where + " is \"maybe\""), doubtful.warnings().get(0));
        assertSame(active, active.withOptOut("false", where));
        assertSame(active, active.withOptOut(" ", where));
        assertThrows(NullPointerException.class, () -> active.withOptOut("true", null));
    }
}
