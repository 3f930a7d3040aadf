package io.github.partnerattribution.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The azure-core versions the agent knows: the project's floor to the newest it is built and tested with, any patch.
 * A version is read from the {@code azure-core.properties} of the jar that defines the class, never guessed from
 * the class's shape. Not API.
 */
final class AzureCoreVersions {
    static final int FLOOR_MINOR = 37;
    static final int NEWEST_MINOR = 57;
    static final String RANGE = "1." + FLOOR_MINOR + ".0 to 1." + NEWEST_MINOR + ".x";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-.].*)?");

    private AzureCoreVersions() {
    }

    /** One azure-core, as found. */
    static final class Found {
        final String version;
        final String location;

        Found(String version, String location) {
            this.version = version;
            this.location = location;
        }

        boolean known() {
            Matcher m = version == null ? null : VERSION.matcher(version);
            if (m == null || !m.matches()) {
                return false;
            }
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            return major == 1 && minor >= FLOOR_MINOR && minor <= NEWEST_MINOR;
        }

        @Override
        public String toString() {
            return (version == null ? "azure-core of unknown version" : "azure-core " + version)
                    + (location == null ? "" : " (" + location + ")");
        }
    }

    /** The azure-core that {@code loader} is defining a class of, from {@code domain}'s jar. */
    static Found of(ClassLoader loader, ProtectionDomain domain) throws IOException {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        String location = source == null || source.getLocation() == null ? null : source.getLocation().toString();
        List<URL> all = loader == null ? Collections.<URL>emptyList()
                : Collections.list(loader.getResources("azure-core.properties"));
        URL chosen = null;
        if (location != null) {
            for (URL url : all) {
                String text = url.toString();
                if (text.startsWith("jar:" + location + "!/") || text.startsWith(location)) {
                    chosen = url;
                    break;
                }
            }
        }
        if (chosen == null && location == null && all.size() == 1) {
            chosen = all.get(0);
        }
        if (chosen == null) {
            return new Found(null, location);
        }
        Properties properties = new Properties();
        try (InputStream in = chosen.openStream()) {
            properties.load(in);
        }
        return new Found(properties.getProperty("version"), location);
    }
}
