package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;

/**
 * Reading the partner id out of a deployment name that starts with {@code pid-}, for JSON and Bicep alike: the GUID,
 * then optionally {@code -partnercenter}, then any suffix real templates add ({@code -<uniqueString>}). Not API.
 */
public final class PidNames {
    private PidNames() {
    }

    /** Whether a name starts with {@code pid-}, in any case: the one test attribution applies. */
    public static boolean startsWithPid(String name) {
        return name.length() >= 4 && name.regionMatches(true, 0, "pid-", 0, 4);
    }

    /**
     * For a name that does not start with {@code pid-}: whether it holds {@code pid-<guid>} after other text. The
     * name is {@code known}, then (when not {@code complete}) an unknown part, then {@code rest}, in which
     * {@link Expressions#GAP} stands for further unknown parts.
     *
     * @return null when no {@code pid-<guid>} stands in the name; {@code TRUE} when known text stands before it;
     *     {@code FALSE} when only unknown parts do, which may be empty
     */
    public static Boolean textBeforePid(String known, boolean complete, String rest) {
        if (indexOfPidGuid(known) > 0) {
            return Boolean.TRUE;
        }
        int at = complete ? -1 : indexOfPidGuid(rest);
        if (at < 0) {
            return null;
        }
        boolean onlyGaps = known.isEmpty();
        for (int i = 0; i < at && onlyGaps; i++) {
            onlyGaps = rest.charAt(i) == Expressions.GAP;
        }
        return !onlyGaps;
    }

    /**
     * Where {@code pid-<guid>} first stands in a text ({@code pid-} in any case, then 8-4-4-4-12 hex digits), or -1;
     * past 0, other text stands before it. A scan of the characters, as every name of every template passes here.
     */
    public static int indexOfPidGuid(String text) {
        for (int at = 0; at + 40 <= text.length(); at++) {
            if (isAscii(text.charAt(at), 'p') && isAscii(text.charAt(at + 1), 'i') && isAscii(text.charAt(at + 2), 'd')
                    && text.charAt(at + 3) == '-' && isGuidAt(text, at + 4)) {
                return at;
            }
        }
        return -1;
    }

    /** Whether 8-4-4-4-12 hex digits, in either case, start at {@code from}. */
    private static boolean isGuidAt(String text, int from) {
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(from + i);
            if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !Text.isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code c} is the ASCII letter {@code lower} in either case (and nothing that only folds to it). */
    private static boolean isAscii(char c, char lower) {
        return c == lower || c == (char) (lower - 'a' + 'A');
    }

    /** Whether the text after {@code pid-} starts with something GUID-like: 8 hex digits, then a hyphen. */
    public static boolean holdsGuid(String name) {
        if (guidRun(name) < 9) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (!Text.isHexDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a name's GUID is cut short by an unknown part: all that is known after {@code pid-} is GUID characters,
     * fewer than a GUID has, and the name goes on with something unknown (so it cannot be told well formed or not).
     */
    public static boolean guidCutShort(String known, boolean complete) {
        int run = guidRun(known);
        return !complete && run == known.length() - 4 && run < 36;
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
        return Text.isHexDigit(c) || c == '-';
    }
}
