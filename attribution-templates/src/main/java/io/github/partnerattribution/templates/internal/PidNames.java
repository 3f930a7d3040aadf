package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;

/**
 * Reading the partner id out of a deployment name that starts with {@code pid-}, for JSON and Bicep alike: the GUID,
 * then optionally {@code -partnercenter}, then any suffix real templates add ({@code -<uniqueString>}). Not API.
 */
public final class PidNames {
    private PidNames() {
    }

    /** How many GUID characters (hex digits and hyphens) follow {@code pid-} in a name that starts with it. */
    public static int guidRun(String name) {
        int run = 0;
        while (4 + run < name.length() && isGuidChar(name.charAt(4 + run))) {
            run++;
        }
        return run;
    }

    /**
     * The id a name that starts with {@code pid-} carries.
     *
     * @throws InvalidPartnerIdException with the exact problem when its GUID is malformed
     */
    public static PartnerId idOf(String name) {
        String rest = name.substring(4);
        int run = guidRun(name);
        String guid = run >= 36 && (run == 36 || rest.charAt(36) == '-') ? rest.substring(0, 36) : rest.substring(0, run);
        boolean partnerCenter = rest.substring(guid.length()).regionMatches(true, 0, "-partnercenter", 0, 14);
        return PartnerId.parse("pid-" + guid + (partnerCenter ? "-partnercenter" : ""));
    }

    private static boolean isGuidChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
    }
}
