package com.contoso.app;

import io.github.partnerattribution.core.PartnerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The customer's variable AZURE_PARTNER_ATTRIBUTION_DISABLED=true wins over application.yml's id. The invoker runs
 * this class once with the variable set to true and once with it empty (the id is then sent).
 */
class EnvironmentOptOutTest {
    @AfterAll
    static void record() throws Exception {
        Contexts.ran(EnvironmentOptOutTest.class);
    }

    @Test
    void theCustomersVariableWins() {
        boolean optedOut = "true".equals(System.getenv("AZURE_PARTNER_ATTRIBUTION_DISABLED"));
        try (ConfigurableApplicationContext context = Contexts.start(null)) {
            Contexts.callAzure(context);
            if (optedOut) {
                Contexts.ARM.assertNoRequestCarriesAPartnerId();
            } else {
                Contexts.ARM.assertEveryRequestCarries(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
            }
        }
        try {
            Contexts.ran(optedOut ? OptedOut.class : EnvironmentOptOutTest.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A marker for the report: the run with the variable set. */
    static final class OptedOut {
    }
}
