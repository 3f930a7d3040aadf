package io.github.partnerattribution.spring;

import java.util.regex.Pattern;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Where a setting came from, as the failure analysis and Actuator show it: enough to find it (a file name and line, a
 * class-path resource, a variable, a property source's name), never a secret or the machine's layout. The user-info
 * part of any URL ({@code https://user:password@host}) is dropped, and an absolute path keeps only its file name.
 *
 * <pre>{@code
 * Origins.withoutSecrets("configserver:https://app:S3CRET@config.example/app")  // configserver:https://config.example/app
 * }</pre>
 */
final class Origins {
    /** The user-info part of a URL: between "scheme://" and "@", with no slash in it. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s\"'\\]\\[]*@");
    /** A {@code file:} URL's folders. */
    private static final Pattern FILE_URL = Pattern.compile("file:[^\\s\"'\\]\\[]*[/\\\\]");
    /** An absolute path's folders (Unix or Windows), where a path starts: after a blank, a quote or a bracket. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![^\\s\"'\\[(])(?:[A-Za-z]:)?[/\\\\](?![/\\\\])[^\\s\"'\\]\\[]*[/\\\\]");

    private Origins() {
    }

    /** {@return how an origin is shown: a file as its name and position, other origins cleaned of secrets} */
    static String describe(Origin origin) {
        if (origin instanceof TextResourceOrigin) {
            TextResourceOrigin text = (TextResourceOrigin) origin;
            Resource resource = text.getResource();
            String name = resource == null ? "unknown resource"
                    : resource instanceof ClassPathResource ? resource.getDescription()
                    : resource.getFilename() != null ? resource.getFilename() : withoutSecrets(resource.getDescription());
            return text.getLocation() == null ? name : name + " - " + text.getLocation();
        }
        return withoutSecrets(String.valueOf(origin));
    }

    /** {@return the text without the user-info part of any URL and without the folders of any absolute path} */
    static String withoutSecrets(String text) {
        String out = USER_INFO.matcher(text).replaceAll("$1");
        out = FILE_URL.matcher(out).replaceAll("file:");
        return ABSOLUTE_PATH.matcher(out).replaceAll("");
    }
}
