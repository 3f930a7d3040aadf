package io.github.partnerattribution.core;

import io.github.partnerattribution.core.internal.Text;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What to attribute: one partner id (or none), the customer's opt-out, and extra User-Agent text. Every
 * integration of this project takes one and calls {@link #apply(String)} on the request's User-Agent.
 *
 * <p>The customer's choice wins over anything in code: {@link #of(PartnerId)} and {@link #fromEnvironment()} both
 * honour the opt-out, read from the system property {@value #DISABLED_PROPERTY} or else the environment variable
 * {@value #DISABLED_VARIABLE} ({@code true} opts out). Like the Azure CLI and the Python SDK, they also append the
 * environment variable {@value #USER_AGENT_VARIABLE} (control characters removed, our own token not repeated).
 *
 * <p>{@link #fromEnvironment()} takes the id from, in order: the system property {@value #PARTNER_ID_PROPERTY},
 * the environment variables {@value #PARTNER_ID_VARIABLE} and {@value #TERRAFORM_PARTNER_ID_VARIABLE} (Terraform's
 * name), then the first {@code pid-} token in {@value #USER_AGENT_VARIABLE}. A malformed value fails at once, with
 * the variable's name in the message.
 *
 * <pre>{@code
 * Attribution attribution = Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
 * attribution.apply("azsdk-java-azure-resourcemanager/2.57.0 (17.0.15; Linux; 6.1)");
 * // "azsdk-java-azure-resourcemanager/2.57.0 (17.0.15; Linux; 6.1) pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
 * }</pre>
 */
public final class Attribution {
    /** System property holding the partner id. */
    public static final String PARTNER_ID_PROPERTY = "azure.partner.id";
    /** Environment variable holding the partner id. */
    public static final String PARTNER_ID_VARIABLE = "AZURE_PARTNER_ID";
    /** Environment variable holding the partner id under Terraform's name; read when the others are unset. */
    public static final String TERRAFORM_PARTNER_ID_VARIABLE = "ARM_PARTNER_ID";
    /** System property by which a customer opts out of attribution ({@code true}). */
    public static final String DISABLED_PROPERTY = "azure.partner.attribution.disabled";
    /** Environment variable by which a customer opts out of attribution ({@code true}). */
    public static final String DISABLED_VARIABLE = "AZURE_PARTNER_ATTRIBUTION_DISABLED";
    /** Environment variable whose text the Azure CLI and the Python SDK append to their User-Agent. */
    public static final String USER_AGENT_VARIABLE = "AZURE_HTTP_USER_AGENT";

    private static final Attribution NONE = new Attribution(null, "none", false, null, "");

    private final PartnerId partnerId;
    private final String source;
    private final boolean optedOut;
    private final String optOutSource;
    private final String extra;
    private final String suffix;

    private Attribution(PartnerId partnerId, String source, boolean optedOut, String optOutSource, String extra) {
        this.partnerId = partnerId;
        this.source = source;
        this.optedOut = optedOut;
        this.optOutSource = optOutSource;
        this.extra = extra;
        this.suffix = partnerId == null ? "" : extra.isEmpty() ? partnerId.token() : extra + ' ' + partnerId.token();
    }

    /**
     * Attributes to the given id, set in code; the customer's opt-out and {@value #USER_AGENT_VARIABLE} are read
     * from this process's system properties and environment.
     *
     * @param partnerId the partner's id
     * @return the configuration
     */
    public static Attribution of(PartnerId partnerId) {
        UserAgents.requireNonNull(partnerId, "partnerId");
        return resolve(partnerId, System::getProperty, System::getenv);
    }

    /**
     * Like {@link #of(PartnerId)}, reading the opt-out and extra text from the given maps instead of this process.
     *
     * @param partnerId the partner's id
     * @param systemProperties stands for {@link System#getProperties()}
     * @param environment stands for {@link System#getenv()}
     * @return the configuration
     */
    public static Attribution of(PartnerId partnerId, Map<String, String> systemProperties,
            Map<String, String> environment) {
        UserAgents.requireNonNull(partnerId, "partnerId");
        return resolve(partnerId, lookup(systemProperties), lookup(environment));
    }

    /**
     * No attribution: {@link #apply(String)} returns every User-Agent unchanged.
     *
     * @return the empty configuration
     */
    public static Attribution none() {
        return NONE;
    }

    /**
     * Reads the whole configuration from this process's system properties and environment (see the class
     * comment for the names and their order).
     *
     * @return the configuration; {@link #isActive()} is false when no id is set or the customer opted out
     * @throws InvalidPartnerIdException if a variable holds a malformed id; the message names the variable
     * @throws IllegalArgumentException if the opt-out holds something other than a yes or no
     */
    public static Attribution fromEnvironment() {
        return resolve(null, System::getProperty, System::getenv);
    }

    /**
     * Like {@link #fromEnvironment()}, reading the given maps instead of this process, so that tests and hosts
     * with their own configuration need not touch the real environment.
     *
     * @param systemProperties stands for {@link System#getProperties()}
     * @param environment stands for {@link System#getenv()}
     * @return the configuration
     */
    public static Attribution fromEnvironment(Map<String, String> systemProperties, Map<String, String> environment) {
        return resolve(null, lookup(systemProperties), lookup(environment));
    }

    /**
     * The partner id, if one is configured (also when the customer opted out).
     *
     * @return the id, or null when none is configured
     */
    public PartnerId partnerId() {
        return partnerId;
    }

    /**
     * Whether requests are attributed: an id is configured and the customer did not opt out.
     *
     * @return true when {@link #apply(String)} adds the token
     */
    public boolean isActive() {
        return partnerId != null && !optedOut;
    }

    /**
     * Whether the customer opted out through {@value #DISABLED_PROPERTY} or {@value #DISABLED_VARIABLE}.
     *
     * @return true when opted out
     */
    public boolean isOptedOut() {
        return optedOut;
    }

    /**
     * Where the id came from, for a log line: {@code "code"}, {@code "system property azure.partner.id"},
     * {@code "environment variable AZURE_PARTNER_ID"}, ..., or {@code "none"}.
     *
     * @return a short description of the source
     */
    public String source() {
        return source;
    }

    /**
     * The text appended in front of the token, from {@value #USER_AGENT_VARIABLE}: control characters removed,
     * our own token taken out.
     *
     * @return the extra text, empty when there is none
     */
    public String extraUserAgent() {
        return extra;
    }

    /**
     * Turns a request's User-Agent into the attributed one: the extra text and then the token appended at the
     * end, unless the value already carries the token (see {@link UserAgents}). Returns the value itself when not
     * {@link #isActive() active}.
     *
     * @param userAgent the current value; null or blank when the request has none
     * @return the attributed value
     */
    public String apply(String userAgent) {
        if (partnerId == null || optedOut) {
            return userAgent;
        }
        if (Text.isBlank(userAgent)) {
            return suffix;
        }
        if (UserAgents.indexOfWord(userAgent, partnerId.token(), 0) >= 0) {
            return userAgent;
        }
        return UserAgents.join(userAgent, suffix);
    }

    @Override
    public String toString() {
        if (partnerId == null) {
            return "Attribution[none]";
        }
        return "Attribution[" + partnerId + " from " + source
                + (optedOut ? ", opted out by " + optOutSource : "")
                + (extra.isEmpty() ? "" : ", extra " + Text.quote(extra)) + "]";
    }

    private static Attribution resolve(PartnerId fromCode, Function<String, String> props,
            Function<String, String> env) {
        String optOutSource = null;
        boolean optedOut = false;
        if (!Text.isBlank(props.apply(DISABLED_PROPERTY))) {
            optOutSource = "system property " + DISABLED_PROPERTY;
            optedOut = parseSwitch(optOutSource, props.apply(DISABLED_PROPERTY));
        } else if (!Text.isBlank(env.apply(DISABLED_VARIABLE))) {
            optOutSource = "environment variable " + DISABLED_VARIABLE;
            optedOut = parseSwitch(optOutSource, env.apply(DISABLED_VARIABLE));
        }
        if (optedOut) {
            // The customer's choice wins: nothing is read further, so a malformed id cannot break their program.
            return new Attribution(fromCode, fromCode == null ? "none" : "code", true, optOutSource, "");
        }

        PartnerId id = fromCode;
        String source = "code";
        if (id == null) {
            source = "system property " + PARTNER_ID_PROPERTY;
            id = parseSetting(source, props.apply(PARTNER_ID_PROPERTY));
        }
        if (id == null) {
            source = "environment variable " + PARTNER_ID_VARIABLE;
            id = parseSetting(source, env.apply(PARTNER_ID_VARIABLE));
        }
        if (id == null) {
            source = "environment variable " + TERRAFORM_PARTNER_ID_VARIABLE;
            id = parseSetting(source, env.apply(TERRAFORM_PARTNER_ID_VARIABLE));
        }
        String extra = sanitize(env.apply(USER_AGENT_VARIABLE));
        if (id == null && !extra.isEmpty()) {
            List<PartnerId> inText = UserAgents.partnerIds(extra);
            if (!inText.isEmpty()) {
                source = "environment variable " + USER_AGENT_VARIABLE;
                id = inText.get(0);
            }
        }
        if (id == null) {
            return NONE;
        }
        return new Attribution(id, source, false, null, withoutToken(extra, id.token()));
    }

    private static PartnerId parseSetting(String source, String value) {
        if (Text.isBlank(value)) {
            return null;
        }
        try {
            return PartnerId.parse(value);
        } catch (InvalidPartnerIdException e) {
            throw new InvalidPartnerIdException(e.input(), e.problem(),
                    "The " + source + " does not hold a valid partner id. " + e.getMessage());
        }
    }

    private static boolean parseSwitch(String source, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on")) {
            return true;
        }
        if (v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException("The " + source + " is " + Text.quote(value)
                + "; expected true (opt out of partner attribution) or false");
    }

    /** Removes control and invisible characters and collapses white space, as a header value needs. */
    private static String sanitize(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Text.isUnsafe(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /** Removes every whole-word occurrence of the token, so that it is appended once, last. */
    private static String withoutToken(String text, String token) {
        String result = text;
        for (int at = UserAgents.indexOfWord(result, token, 0); at >= 0; at = UserAgents.indexOfWord(result, token, 0)) {
            result = (result.substring(0, at) + result.substring(at + token.length())).trim().replaceAll(" {2,}", " ");
        }
        return result;
    }

    private static Function<String, String> lookup(Map<String, String> map) {
        Map<String, String> source = map == null ? Collections.<String, String>emptyMap() : map;
        return source::get;
    }
}
