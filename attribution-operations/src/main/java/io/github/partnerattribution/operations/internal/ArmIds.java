package io.github.partnerattribution.operations.internal;

import io.github.partnerattribution.core.support.Text;
import java.util.Locale;

/**
 * Ids and names a server hands back, read as data against ARM's grammar before any of them becomes part of a request
 * path. Not API.
 *
 * <p>A deployment id is one of the scopes the tools read, then the deployment:
 * <pre>
 *   [ /providers/Microsoft.Management/managementGroups/{id}
 *   | /subscriptions/{id} [ /resourceGroups/{name} ] ]      (nothing at all: the tenant)
 *   /providers/Microsoft.Resources/deployments/{name}
 * </pre>
 * The literal segments match without regard to case. Every other segment is a {@linkplain #isSegment name}: letters
 * and digits (any script), {@code - _ . ( )}, not {@code .} or {@code ..}, at most {@value #MAX_SEGMENT} characters;
 * so a {@code ?}, {@code #}, {@code %}, {@code /}, {@code \}, white space or a control character never reaches a
 * request, and the request path is built from the parsed parts, each {@linkplain #encode encoded}.
 */
public final class ArmIds {
    /** The longest name segment taken: ARM's names are shorter (64 for deployments, 90 for resource groups). */
    public static final int MAX_SEGMENT = 260;

    /** How much of an id a message shows: enough for the part that is wrong, bounded for a hostile one. */
    private static final int QUOTED = 400;

    private ArmIds() {
    }

    /** A deployment id, parsed. */
    public static final class DeploymentId {
        private final String managementGroup;
        private final String subscription;
        private final String resourceGroup;
        private final String name;

        DeploymentId(String managementGroup, String subscription, String resourceGroup, String name) {
            this.managementGroup = managementGroup;
            this.subscription = subscription;
            this.resourceGroup = resourceGroup;
            this.name = name;
        }

        /** {@return the deployment's name, as the id gives it (not encoded: the SDK encodes a name it is given)} */
        public String name() {
            return name;
        }

        /**
         * @return the scope as an encoded path without its leading slash, as the SDK's {@code ...AtScope} calls take
         *     it (they insert it unencoded): {@code subscriptions/s/resourceGroups/rg}; empty for the tenant
         */
        public String scopePath() {
            String scope = scope(ArmIds::encode);
            return scope.isEmpty() ? scope : scope.substring(1);
        }

        /** {@return the scope as an id, in ARM's spelling, for comparisons ({@code ""} for the tenant)} */
        public String scopeId() {
            return scope(java.util.function.UnaryOperator.identity());
        }

        /** The scope with a leading slash ({@code ""} for the tenant), each name segment written by {@code part}. */
        private String scope(java.util.function.UnaryOperator<String> part) {
            if (managementGroup != null) {
                return "/providers/Microsoft.Management/managementGroups/" + part.apply(managementGroup);
            }
            if (subscription == null) {
                return "";
            }
            return "/subscriptions/" + part.apply(subscription)
                    + (resourceGroup == null ? "" : "/resourceGroups/" + part.apply(resourceGroup));
        }

        /** {@return the id in ARM's spelling} */
        public String id() {
            return scopeId() + "/providers/Microsoft.Resources/deployments/" + name;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Parses a deployment id.
     *
     * @param id the id as the server wrote it
     * @return the parts
     * @throws IllegalArgumentException saying what does not fit, the id quoted and escaped
     */
    public static DeploymentId parseDeploymentId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an empty deployment id");
        }
        if (id.charAt(0) != '/') {
            throw notAnId(id, "it does not start with /");
        }
        String[] s = id.substring(1).split("/", -1);
        int n = s.length;
        if (n < 4 || !"providers".equalsIgnoreCase(s[n - 4]) || !"Microsoft.Resources".equalsIgnoreCase(s[n - 3])
                || !"deployments".equalsIgnoreCase(s[n - 2])) {
            throw notAnId(id, "it does not end in /providers/Microsoft.Resources/deployments/{name}");
        }
        for (String segment : s) {
            requireSegment(id, segment);
        }
        String name = s[n - 1];
        int scope = n - 4;
        if (scope == 0) {
            return new DeploymentId(null, null, null, name);
        }
        boolean managementGroup = scope >= 3 && "providers".equalsIgnoreCase(s[0])
                && "Microsoft.Management".equalsIgnoreCase(s[1]) && "managementGroups".equalsIgnoreCase(s[2]);
        if (managementGroup && scope == 3) {
            throw notAnId(id, "its management group has no id");
        }
        if (managementGroup && scope == 4) {
            return new DeploymentId(s[3], null, null, name);
        }
        if ((scope == 2 || scope == 4) && "subscriptions".equalsIgnoreCase(s[0])
                && (scope == 2 || "resourceGroups".equalsIgnoreCase(s[2]))) {
            return new DeploymentId(null, s[1], scope == 4 ? s[3] : null, name);
        }
        throw notAnId(id, "its scope is not the tenant, a management group, a subscription or a resource group");
    }

    /**
     * Whether a name from a server can stand as one segment of a request path: see the class comment.
     *
     * @param name the name
     * @return true when it can
     */
    public static boolean isSegment(String name) {
        return segmentProblem(name) == null;
    }

    /**
     * Quotes an id or name from a server for a message: escaped, and cut only past a length that shows the part that
     * is wrong while bounding a hostile one.
     *
     * @param value the text as the server sent it
     * @return the quoted text
     */
    public static String quote(String value) {
        return Text.quote(String.valueOf(value), QUOTED);
    }

    private static void requireSegment(String id, String segment) {
        String problem = segmentProblem(segment);
        if (problem != null) {
            throw notAnId(id, problem);
        }
    }

    private static String segmentProblem(String segment) {
        if (segment == null || segment.isEmpty()) {
            return "a part of it is empty";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "a part of it is " + segment;
        }
        if (segment.length() > MAX_SEGMENT) {
            return "a part of it is longer than " + MAX_SEGMENT + " characters";
        }
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '(' || c == ')')) {
                return "it holds " + (Character.isBmpCodePoint(c) ? Text.describe((char) c)
                        : String.format(Locale.ROOT, "U+%X", c)) + ", which no ARM name does";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static IllegalArgumentException notAnId(String id, String why) {
        return new IllegalArgumentException(quote(id) + " is not a deployment id of ARM: " + why);
    }

    /**
     * Percent-encodes one path segment: every byte of its UTF-8 form except ASCII letters, digits and
     * {@code - . _ ~ ( )}.
     *
     * @param segment the segment
     * @return the encoded segment
     */
    public static String encode(String segment) {
        return Text.percentEncode(segment, "()");
    }
}
