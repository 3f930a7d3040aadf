package io.github.partnerattribution.agent.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The hosts whose requests the agent attributes in plain HTTP clients (OkHttp, {@code java.net.http}): Azure Resource
 * Manager's in the public, Government and China clouds, and those a setting adds (a comma-separated list of host
 * names, {@value #PROPERTY} or {@value #VARIABLE}; the property wins). Compared without case. Not API.
 */
final class ArmHosts implements Predicate<String> {
    static final String PROPERTY = "azure.partner.attribution.hosts";
    static final String VARIABLE = "AZURE_PARTNER_ATTRIBUTION_HOSTS";
    static final Set<String> ARM = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "management.azure.com", "management.usgovcloudapi.net", "management.chinacloudapi.cn")));

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final Set<String> hosts;

    private ArmHosts(Set<String> hosts) {
        this.hosts = hosts;
    }

    /**
     * The hosts for these settings; a malformed list is reported through {@code reports} once and ignored (only
     * ARM's hosts are then attributed).
     */
    static ArmHosts of(Map<String, String> properties, Map<String, String> environment, AgentReports reports) {
        String source = "system property " + PROPERTY;
        String value = properties.get(PROPERTY);
        if (value == null) {
            source = "environment variable " + VARIABLE;
            value = environment.get(VARIABLE);
        }
        Set<String> all = new LinkedHashSet<>(ARM);
        if (value != null) {
            for (String part : value.split(",", -1)) {
                String host = part.trim().toLowerCase(Locale.ROOT);
                if (!HOST.matcher(host).matches()) {
                    reports.once("ERROR", "the " + source + " holds \"" + printable(part) + "\", which is not a host"
                            + " name (such as arm.contoso-stack.example, without scheme, port or path); the setting"
                            + " is ignored, so only " + String.join(", ", ARM) + " are attributed in plain HTTP"
                            + " clients.");
                    return new ArmHosts(ARM);
                }
                all.add(host);
            }
        }
        return new ArmHosts(Collections.unmodifiableSet(all));
    }

    @Override
    public boolean test(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return String.join(", ", hosts);
    }

    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
