package io.github.partnerattribution.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner attribution settings of a Spring Boot application, bound from the Spring {@code Environment}
 * ({@code application.yml}, profiles, system properties and environment variables with relaxed binding, so
 * {@code AZURE_PARTNER_ID} sets {@code azure.partner.id}).
 *
 * <pre>{@code
 * azure:
 *   partner:
 *     id: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
 *     attribution:
 *       disabled: false
 * }</pre>
 */
@ConfigurationProperties(prefix = "azure.partner")
public class PartnerAttributionProperties {
    /** Settings with nothing set; Spring binds them. */
    public PartnerAttributionProperties() {
    }

    /**
     * The partner's tracking GUID from Partner Center, in any form PartnerId.parse takes (a GUID, pid-GUID). A
     * malformed value stops the application at start-up.
     */
    private String id;

    private final Attribution attribution = new Attribution();

    /** {@return the partner id as configured, or null} */
    public String getId() {
        return id;
    }

    /**
     * Sets the partner id.
     *
     * @param id the id, in any form PartnerId.parse takes
     */
    public void setId(String id) {
        this.id = id;
    }

    /** {@return the opt-out and extra text} */
    public Attribution getAttribution() {
        return attribution;
    }

    /** The {@code azure.partner.attribution.*} settings. */
    public static class Attribution {
        /** Settings with nothing set; Spring binds them. */
        public Attribution() {
        }

        /**
         * Whether attribution is off: the customer's opt-out. True wins over any id, also when only the system
         * property azure.partner.attribution.disabled or the variable AZURE_PARTNER_ATTRIBUTION_DISABLED says so.
         */
        private Boolean disabled;

        /** Text to put before the partner id in the User-Agent, as AZURE_HTTP_USER_AGENT's is. */
        private String extra;

        /** {@return the opt-out as configured, or null} */
        public Boolean getDisabled() {
            return disabled;
        }

        /**
         * Sets the opt-out.
         *
         * @param disabled true to attribute nothing
         */
        public void setDisabled(Boolean disabled) {
            this.disabled = disabled;
        }

        /** {@return the extra User-Agent text, or null} */
        public String getExtra() {
            return extra;
        }

        /**
         * Sets the extra User-Agent text.
         *
         * @param extra words to send before the token
         */
        public void setExtra(String extra) {
            this.extra = extra;
        }
    }
}
