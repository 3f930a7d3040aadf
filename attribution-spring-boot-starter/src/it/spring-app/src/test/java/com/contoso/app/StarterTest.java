package com.contoso.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.spring.InvalidPartnerIdPropertyException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The starter in a real application context: attribution from application.yml, opt-out, a bad id, Actuator. */
@ExtendWith(OutputCaptureExtension.class)
class StarterTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @AfterAll
    static void record() throws Exception {
        Contexts.ran(StarterTest.class);
    }

    @Test
    void everyClientOfTheApplicationCarriesTheIdFromApplicationYmlOnce() {
        try (ConfigurableApplicationContext context = Contexts.start(null)) {
            Contexts.callAzure(context);
            Contexts.ARM.assertEveryRequestCarries(ID); // once, at the end: Spring Cloud Azure's blob client and the ARM bean
            Attribution attribution = context.getBean(Attribution.class);
            assertTrue(attribution.source().startsWith("Spring property azure.partner.id (class path resource [application.yml]"),
                    attribution.source());
        }
    }

    @Test
    void theOptOutInApplicationYmlLeavesEveryRequestUntouched() {
        try (ConfigurableApplicationContext context = Contexts.start("optout")) {
            Contexts.callAzure(context);
            Contexts.ARM.assertNoRequestCarriesAPartnerId();
            assertTrue(context.getBean(Attribution.class).isOptedOut());
        }
    }

    @Test
    void aMalformedIdStopsTheApplicationNamingThePropertyAndWhereItWasSet(CapturedOutput output) {
        RuntimeException failed = assertThrows(RuntimeException.class, () -> Contexts.start("badid").close());
        Throwable cause = failed;
        while (cause != null && !(cause instanceof InvalidPartnerIdPropertyException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof InvalidPartnerIdPropertyException, failed.toString());
        String report = output.getAll();
        assertTrue(report.contains("The partner id azure.partner.id (class path resource [application-badid.yml] - 3:9) is not"
                + " valid: "), report);
        assertTrue(report.contains("group 5 has 11 hex digits; it needs 12"), report);
        assertTrue(report.contains("Set azure.partner.id (class path resource [application-badid.yml] - 3:9) to the tracking GUID"
                + " registered in Partner Center"), report);
    }

    @Test
    @SuppressWarnings("unchecked")
    void actuatorShowsWhatDoctorShowsAndNoCredential() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.start(null)) {
            Info.Builder info = new Info.Builder();
            context.getBean("partnerAttributionInfo", InfoContributor.class).contribute(info);
            Map<String, Object> details = (Map<String, Object>) info.build().getDetails().get("partnerAttribution");
            assertEquals(ID.token(), details.get("partnerId"));
            assertEquals(true, details.get("active"));
            Object indicator = context.getBean("partnerAttributionHealthIndicator");
            // Boot 3's and Boot 4's HealthIndicator live in different packages: the one this application has
            Class<?> api = java.util.Arrays.stream(indicator.getClass().getInterfaces())
                    .filter(i -> i.getSimpleName().equals("HealthIndicator")).findFirst().orElseThrow();
            Object health = api.getMethod("health").invoke(indicator);
            assertEquals("UP", String.valueOf(health.getClass().getMethod("getStatus").invoke(health)));
            Map<String, Object> healthDetails = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
            assertEquals(details.get("source"), healthDetails.get("source"));
            assertFalse(details.toString().contains(Contexts.TOKEN) || healthDetails.toString().contains(Contexts.TOKEN));
        }
    }
}
