package io.github.partnerattribution.core;

import io.github.partnerattribution.core.support.Switch;
import io.github.partnerattribution.core.support.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * name), then the first valid {@code pid-} token in {@value #USER_AGENT_VARIABLE}. A malformed id in the first three
 * fails at once, with the setting's name in the message.
 *
 * <p>What is doubtful but not fatal is kept in {@link #warnings()} for the integration to log: an opt-out value that
 * is neither true nor false (read as opted out, the reading that protects the customer's privacy), a malformed
 * {@code pid-} word in {@value #USER_AGENT_VARIABLE} (left out of the User-Agent), and a
 * {@value #USER_AGENT_VARIABLE} longer than {@value #MAX_EXTRA_LENGTH} characters (cut).
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

    /** How much of {@value #USER_AGENT_VARIABLE} is used; a longer value is cut, with a warning. */
    public static final int MAX_EXTRA_LENGTH = 1024;

    private static final Attribution NONE =
            new Attribution(null, "none", false, null, "", Collections.<String>emptyList());

    private final PartnerId partnerId;
    private final String source;
    private final boolean optedOut;
    private final String optOutSource;
    private final String extra;
    private final String suffix;
    private final List<String> warnings;

    private Attribution(PartnerId partnerId, String source, boolean optedOut, String optOutSource, String extra,
            List<String> warnings) {
        this.partnerId = partnerId;
        this.source = source;
        this.optedOut = optedOut;
        this.optOutSource = optOutSource;
        this.extra = extra;
        this.suffix = partnerId == null ? "" : extra.isEmpty() ? partnerId.token() : extra + ' ' + partnerId.token();
        this.warnings = warnings.isEmpty() ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(warnings));
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
     * Like {@link #of(PartnerId, Map, Map)}, for an id a host read from its own configuration (a Spring
     * {@code azure.partner.id}, say): {@code source} names where it came from in {@link #source()} and in every
     * message about it. The customer's opt-out in the maps still wins.
     *
     * <pre>{@code
     * // system properties first, then the environment, as in the other of(...)
     * Attribution.of(id, "Spring property azure.partner.id (application.yml)", Map.of(), System.getenv());
     * }</pre>
     *
     * @param partnerId the partner's id
     * @param source where the id came from, for messages
     * @param systemProperties stands for {@link System#getProperties()}
     * @param environment stands for {@link System#getenv()}
     * @return the configuration
     */
    public static Attribution of(PartnerId partnerId, String source, Map<String, String> systemProperties,
            Map<String, String> environment) {
        UserAgents.requireNonNull(partnerId, "partnerId");
        UserAgents.requireNonNull(source, "source");
        Attribution resolved = resolve(partnerId, lookup(systemProperties), lookup(environment));
        return new Attribution(resolved.partnerId, source, resolved.optedOut, resolved.optOutSource, resolved.extra,
                resolved.warnings);
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
     * Where the customer's opt-out came from, for a log line: {@code "environment variable
     * AZURE_PARTNER_ATTRIBUTION_DISABLED"} or {@code "system property azure.partner.attribution.disabled"}.
     *
     * @return the source, or null when the customer did not opt out
     */
    public String optOutSource() {
        return optOutSource;
    }

    /**
     * This configuration with the customer's opt-out as a host read it from its own configuration (a Spring
     * property, say), named after where it was set. The value is read as {@value #DISABLED_VARIABLE} is: true opts
     * out, false does not, anything else opts out with a warning. A blank or false value leaves this configuration
     * as it is, an opt-out already in it included.
     *
     * <pre>{@code
     * attribution.withOptOut("true", "Spring property azure.partner.attribution.disabled (application.yml - 3:5)")
     * }</pre>
     *
     * @param value the setting's value
     * @param source where it was set, for {@link #optOutSource()} and the warnings
     * @return the configuration, opted out when the value says so
     */
    public Attribution withOptOut(String value, String source) {
        UserAgents.requireNonNull(source, "source");
        if (Text.isBlank(value)) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        return parseSwitch(source, value, all) ? new Attribution(partnerId, this.source, true, source, "", all) : this;
    }

    /**
     * Problems in the settings that did not stop attribution from being configured, each a sentence naming the
     * setting, for the integration to log once: see the class comment.
     *
     * @return the warnings, possibly empty, unmodifiable
     */
    public List<String> warnings() {
        return warnings;
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
     * end, unless the value already carries the token, by the one rule of {@link UserAgents}; the result is always
     * a valid header value. Returns the value itself when not {@link #isActive() active}.
     *
     * @param userAgent the current value; null or blank when the request has none
     * @return the attributed value
     */
    public String apply(String userAgent) {
        if (partnerId == null || optedOut) {
            return userAgent;
        }
        return UserAgents.append(userAgent, partnerId.token(), suffix);
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
        List<String> warnings = new ArrayList<>(0);
        String optOutSource = null;
        boolean optedOut = false;
        if (!Text.isBlank(props.apply(DISABLED_PROPERTY))) {
            optOutSource = "system property " + DISABLED_PROPERTY;
            optedOut = parseSwitch(optOutSource, props.apply(DISABLED_PROPERTY), warnings);
        } else if (!Text.isBlank(env.apply(DISABLED_VARIABLE))) {
            optOutSource = "environment variable " + DISABLED_VARIABLE;
            optedOut = parseSwitch(optOutSource, env.apply(DISABLED_VARIABLE), warnings);
        }
        if (optedOut) {
            // The customer's choice wins: nothing is read further, so a malformed id cannot break their program.
            return new Attribution(fromCode, fromCode == null ? "none" : "code", true, optOutSource, "", warnings);
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
        List<String> extraWords = extraWords(env.apply(USER_AGENT_VARIABLE), warnings);
        if (id == null) {
            for (String word : extraWords) {
                List<PartnerId> inWord = UserAgents.partnerIds(word);
                if (!inWord.isEmpty()) {
                    source = "environment variable " + USER_AGENT_VARIABLE;
                    id = inWord.get(0);
                    break;
                }
            }
        }
        if (id == null) {
            return warnings.isEmpty() ? NONE : new Attribution(null, "none", false, null, "", warnings);
        }
        StringBuilder extra = new StringBuilder();
        for (String word : extraWords) {
            if (UserAgents.indexOfWord(word, id.token(), 0) < 0) {
                extra.append(extra.length() == 0 ? "" : " ").append(word);
            }
        }
        return new Attribution(id, source, false, null, extra.toString(), warnings);
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

    /** Reads an opt-out switch; a value that is neither yes nor no opts out, the reading that keeps data private. */
    private static boolean parseSwitch(String source, String value, List<String> warnings) {
        Boolean on = Switch.parse(value);
        if (on != null) {
            return on;
        }
        warnings.add("The " + source + " is " + Text.quote(value) + ", which is neither true nor false; it is read as"
                + " true, so partner attribution is off (the customer's privacy comes first). Set it to true to opt"
                + " out or to false to allow attribution.");
        return true;
    }

    /**
     * The words of {@value #USER_AGENT_VARIABLE} as a header may carry them (see {@link UserAgents}), at most
     * {@value #MAX_EXTRA_LENGTH} characters; a {@code pid-} word that is not a valid id is left out, with a warning.
     */
    private static List<String> extraWords(String value, List<String> warnings) {
        if (Text.isBlank(value)) {
            return Collections.emptyList();
        }
        String text = value;
        if (text.length() > MAX_EXTRA_LENGTH) {
            warnings.add("The environment variable " + USER_AGENT_VARIABLE + " is " + text.length()
                    + " characters long; only its first " + MAX_EXTRA_LENGTH + " are added to the User-Agent.");
            text = text.substring(0, MAX_EXTRA_LENGTH);
        }
        List<String> words = new ArrayList<>();
        for (String word : UserAgents.headerValue(text).split("[ \t]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (Text.regionMatches(word, 0, PartnerId.PREFIX) && UserAgents.partnerIds(word).isEmpty()) {
                warnings.add("The environment variable " + USER_AGENT_VARIABLE + " holds " + Text.quote(word)
                        + ", which is not a valid partner id: " + problemOf(word) + " It is left out of the"
                        + " User-Agent; write it as pid-<guid>, e.g. pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.");
                continue;
            }
            words.add(word);
        }
        return words;
    }

    private static String problemOf(String word) {
        try {
            PartnerId.parse(word);
            return "it is not a whole word.";
        } catch (InvalidPartnerIdException e) {
            String problem = e.problem();
            return problem.endsWith(".") ? problem : problem + ".";
        }
    }

    private static Function<String, String> lookup(Map<String, String> map) {
        Map<String, String> source = map == null ? Collections.<String, String>emptyMap() : map;
        return source::get;
    }
}
