package io.github.partnerattribution.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The starter in real application contexts whose class path has azure-core alone (no azure-resourcemanager, no
 * azure-core-management: an application with only a data-plane SDK) and whose property sources are the test's own,
 * never the machine's environment. It never stops its host for the environment, an opted-out customer or a property
 * source that fails; it stops start-up only for a malformed {@code azure.partner.id} of the application's own
 * configuration while attribution is on; and it shows where a setting came from without a password or a path.
 */
class StarterBoundariesTest {
    static final String ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final String MALFORMED = "eb7927c8-dd66-43e1-b0cf-c346a422063";

    /** What the starter reported, error by error, instead of the logger. */
    final List<String> errors = new ArrayList<>();

    @BeforeEach
    void record() {
        Reports.redirectForTests(new Reports.Sink() {
            @Override
            public void error(String message) {
                errors.add(message);
            }

            @Override
            public void warning(String message) {
            }

            @Override
            public void info(String message) {
            }
        });
    }

    @AfterEach
    void restore() {
        Reports.redirectForTests(null);
    }

    /** Starts a context with the starter's auto-configurations, the given sources first, then env and properties. */
    static ConfigurableApplicationContext start(Map<String, Object> environment, PropertySource<?>... sources) {
        return start(environment, Map.of(), sources);
    }

    /** The same, with system properties of the test's own. */
    static ConfigurableApplicationContext start(Map<String, Object> environment, Map<String, Object> systemProperties,
            PropertySource<?>... sources) {
        SpringApplication application = new SpringApplication(PartnerAttributionAutoConfiguration.class,
                PartnerAttributionActuatorAutoConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources all) {
                for (PropertySource<?> s : sources) {
                    all.addLast(s);
                }
                all.addLast(new MapPropertySource(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new HashMap<>(systemProperties)));
                all.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(environment)));
            }
        });
        return application.run();
    }

    static MapPropertySource config(String name, Map<String, Object> values) {
        return new MapPropertySource(name, values);
    }

    @Test
    void anApplicationWithoutAzureResourceManagerStartsAndIsAttributed() {
        try (ConfigurableApplicationContext context = start(Map.of(),
                config("Config resource 'class path resource [application.properties]'", Map.of("azure.partner.id", ID)))) {
            Attribution attribution = context.getBean(Attribution.class);
            assertEquals("pid-" + ID, attribution.partnerId().token());
            assertTrue(attribution.isActive());
            assertEquals(attribution, context.getBean(AttributedClientFactory.class).attribution());
        }
    }

    @Test
    void aMalformedIdFromTheProcessEnvironmentAloneDoesNotStopTheApplication() {
        for (String variable : new String[] {"AZURE_PARTNER_ID", "ARM_PARTNER_ID"}) {
            try (ConfigurableApplicationContext context = start(Map.of(variable, MALFORMED))) {
                Attribution attribution = context.getBean(Attribution.class);
                assertFalse(attribution.isActive(), variable);
                assertNull(attribution.partnerId(), variable);
                assertTrue(errors.stream().anyMatch(w -> w.contains(variable) && w.contains("is off")),
                        variable + ": " + errors);
            }
        }
    }

    @Test
    void aMalformedIdDoesNotStopAnApplicationWhoseCustomerOptedOut() {
        try (ConfigurableApplicationContext context = start(Map.of("AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"),
                config("application", Map.of("azure.partner.id", MALFORMED)))) {
            Attribution attribution = context.getBean(Attribution.class);
            assertTrue(attribution.isOptedOut());
            assertFalse(attribution.isActive());
        }
    }

    @Test
    void aMalformedIdOfTheApplicationsOwnConfigurationStopsItNamingWhereItWasSet() {
        Exception e = assertThrows(Exception.class, () -> start(Map.of(),
                config("application", Map.of("azure.partner.id", MALFORMED))).close());
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidPartnerIdPropertyException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof InvalidPartnerIdPropertyException, String.valueOf(e));
        assertEquals("azure.partner.id", ((InvalidPartnerIdPropertyException) cause).property());
    }

    @Test
    void aPropertySourceThatFailsIsReportedAndAttributesNothing() {
        PropertySource<Object> failing = new EnumerablePropertySource<Object>("vault", new Object()) {
            @Override
            public String[] getPropertyNames() {
                return new String[] {"azure.partner.id"};
            }

            @Override
            public Object getProperty(String name) {
                if (name.startsWith("azure.partner")) {
                    throw new IllegalStateException("the vault is sealed");
                }
                return null;
            }
        };
        try (ConfigurableApplicationContext context = start(Map.of("AZURE_PARTNER_ID", ID), failing)) {
            Attribution attribution = context.getBean(Attribution.class);
            assertFalse(attribution.isActive());
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("the vault is sealed") && errors.get(0).contains("is off"), errors.get(0));
        }
    }

    @Test
    void whereASettingCameFromIsShownWithoutAPasswordOrAnAbsolutePath() {
        try (ConfigurableApplicationContext context = start(Map.of(),
                config("configserver:https://app:S3CRET@config.contoso.example/app/default",
                        Map.of("azure.partner.id", ID)))) {
            String source = context.getBean(Attribution.class).source();
            assertFalse(source.contains("S3CRET") || source.contains("app:"), source);
            assertTrue(source.contains("config.contoso.example"), source);
        }
        Origin file = new TextResourceOrigin(new FileSystemResource("/srv/secret-team/app/config/application.yml"),
                new TextResourceOrigin.Location(2, 8));
        try (ConfigurableApplicationContext context = start(Map.of(), new OriginTracked("file", file))) {
            String source = context.getBean(Attribution.class).source();
            assertFalse(source.contains("/srv") || source.contains("secret-team"), source);
            assertTrue(source.contains("application.yml") && source.contains("3:9"), source);
        }
    }

    /** The place each setting was set in, as core names the same places: a variable, a property, a file and line. */
    @Test
    void eachSettingIsNamedAfterThePlaceItWasSetIn() {
        Origin file = new TextResourceOrigin(new FileSystemResource("/srv/app/config/application.yml"),
                new TextResourceOrigin.Location(2, 8));
        String[][] idCases = {
            {"environment variable AZURE_PARTNER_ID"}, {"system property azure.partner.id"},
            {"Spring property azure.partner.id (file [application.yml] - 3:9)"},
        };
        for (int i = 0; i < idCases.length; i++) {
            try (ConfigurableApplicationContext context = i == 0 ? start(Map.of("AZURE_PARTNER_ID", ID))
                    : i == 1 ? start(Map.of(), Map.of("azure.partner.id", ID))
                    : start(Map.of(), new OriginTracked("Config resource 'file [application.yml]'", file,
                            Map.of("azure.partner.id", ID)))) {
                assertEquals(idCases[i][0], context.getBean(Attribution.class).source());
            }
        }
        String disabled = "azure.partner.attribution.disabled";
        String[] optOutSources = {
            "environment variable AZURE_PARTNER_ATTRIBUTION_DISABLED", "system property " + disabled,
            "Spring property " + disabled + " (file [application.yml] - 3:9)",
        };
        for (String value : new String[] {"true", "maybe"}) {
            for (int i = 0; i < optOutSources.length; i++) {
                Map<String, Object> id = Map.of("AZURE_PARTNER_ID", ID);
                try (ConfigurableApplicationContext context = i == 0
                        ? start(Map.of("AZURE_PARTNER_ID", ID, "AZURE_PARTNER_ATTRIBUTION_DISABLED", value))
                        : i == 1 ? start(id, Map.of(disabled, value))
                        : start(id, new OriginTracked("Config resource 'file [application.yml]'", file,
                                Map.of(disabled, value)))) {
                    Attribution attribution = context.getBean(Attribution.class);
                    assertTrue(attribution.isOptedOut(), value + " " + optOutSources[i]);
                    assertEquals(optOutSources[i], attribution.optOutSource(), value);
                    assertEquals(value.equals("true") ? List.of() : List.of("The " + optOutSources[i] + " is \"maybe\","
                            + " which is neither true nor false; it is read as true, so partner attribution is off (the"
                            + " customer's privacy comes first). Set it to true to opt out or to false to allow"
                            + " attribution."), attribution.warnings());
                    assertEquals("environment variable AZURE_PARTNER_ID", attribution.source());
                }
            }
        }
    }

    /** Actuator's output agrees with itself: what it reports about the opt-out names the place its source names. */
    @Test
    void theActuatorOutputAgreesWithItself() {
        Reports.redirectForTests(null);
        try (ConfigurableApplicationContext context = start(Map.of("AZURE_PARTNER_ID", ID,
                "AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"))) {
            Attribution attribution = context.getBean(Attribution.class);
            context.getBean(AttributedClientFactory.class).policy(); // a client's policy reports the settings
            Map<String, Object> details = PartnerAttributionActuatorAutoConfiguration.details(attribution,
                    io.github.partnerattribution.operations.AttributionDoctor.examine(Map.of(), Map.of()));
            assertEquals("environment variable AZURE_PARTNER_ATTRIBUTION_DISABLED", details.get("optOutSource"));
            assertEquals(Boolean.TRUE, details.get("optedOut"));
            assertEquals(Boolean.FALSE, details.get("active"));
            @SuppressWarnings("unchecked")
            List<String> reported = (List<String>) details.get("reported");
            for (String line : reported) {
                assertFalse(line.contains("system property " + "azure.partner.attribution.disabled"), line);
            }
            assertTrue(reported.stream().anyMatch(line -> line.contains("opted out")
                    && line.contains("environment variable AZURE_PARTNER_ATTRIBUTION_DISABLED")), reported.toString());
            assertEquals(List.of(), details.get("attributed"));
        }
    }

    /** Properties whose origin is a file, as Spring Boot's config data loader tracks it. */
    static final class OriginTracked extends MapPropertySource implements OriginLookup<String> {
        private final Origin origin;

        OriginTracked(String name, Origin origin) {
            this(name, origin, Map.of("azure.partner.id", ID));
        }

        OriginTracked(String name, Origin origin, Map<String, Object> values) {
            super(name, values);
            this.origin = origin;
        }

        @Override
        public Origin getOrigin(String key) {
            return containsProperty(key) ? origin : null;
        }
    }
}
