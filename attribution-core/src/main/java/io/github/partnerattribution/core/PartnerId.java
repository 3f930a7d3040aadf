package io.github.partnerattribution.core;

import io.github.partnerattribution.core.support.Text;

import java.util.UUID;

/**
 * A partner's customer usage attribution id: a GUID registered in Partner Center, written {@code pid-<guid>} in a
 * User-Agent and as the name of a template's tracking deployment.
 *
 * <p>{@link #parse(CharSequence)} accepts the forms partners copy around ({@code <guid>}, {@code pid-<guid>},
 * {@code pid-<guid>-partnercenter}, {@code {<guid>}}, 32 digits without hyphens, any case, surrounding white
 * space) and rejects everything else with a message that names the exact problem. A parsed id is canonical: lower
 * case and hyphenated, so two spellings of one GUID are equal.
 *
 * <pre>{@code
 * PartnerId id = PartnerId.parse("PID-1B2C3D4E-5F60-4A7B-8C9D-0E1F2A3B4C5D");
 * id.guid();   // "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"   (what Partner Center takes)
 * id.token();  // "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d" (what goes on the wire)
 * }</pre>
 */
public final class PartnerId {
    static final String PREFIX = "pid-";
    static final String PARTNER_CENTER_SUFFIX = "-partnercenter";
    private static final String EXAMPLE = "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    /** The example in Microsoft's public page, one digit short in its last group; users copy it. */
    private static final String DOCUMENTATION_EXAMPLE = "eb7927c8-dd66-43e1-b0cf-c346a422063";
    private static final int[] GROUPS = {8, 4, 4, 4, 12};

    private final String guid;
    private final boolean partnerCenter;
    private final String token;

    private PartnerId(String guid, boolean partnerCenter) {
        this.guid = guid;
        this.partnerCenter = partnerCenter;
        this.token = PREFIX + guid + (partnerCenter ? PARTNER_CENTER_SUFFIX : "");
    }

    /**
     * Parses a partner id in any of the accepted forms.
     *
     * @param input a GUID, {@code pid-<guid>}, {@code pid-<guid>-partnercenter}, {@code {<guid>}} or 32 hex digits
     * @return the canonical id
     * @throws InvalidPartnerIdException if the input is null or not one of those forms; the message says why
     */
    public static PartnerId parse(CharSequence input) {
        if (input == null) {
            throw invalid(null, "it is null");
        }
        String s = input.toString();
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw invalid(s, s.isEmpty() ? "it is empty" : "it holds only white space");
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw invalid(s, Text.describe(c) + " at position " + (i + 1) + " is not allowed in a partner id");
            }
        }

        if (Text.regionMatches(s, start, PREFIX)) {
            start += PREFIX.length();
            if (Text.regionMatches(s, start, PREFIX)) {
                throw invalid(s, "the prefix is doubled ('pid-pid-'); write 'pid-' once");
            }
        } else if (Text.regionMatches(s, start, "pid")) {
            throw invalid(s, "the prefix must be written 'pid-', with a hyphen");
        }
        boolean partnerCenter = false;
        if (end - start > PARTNER_CENTER_SUFFIX.length()
                && Text.regionMatches(s, end - PARTNER_CENTER_SUFFIX.length(), PARTNER_CENTER_SUFFIX)) {
            partnerCenter = true;
            end -= PARTNER_CENTER_SUFFIX.length();
        }
        if (start == end) {
            throw invalid(s, "no GUID follows the 'pid-' prefix");
        }
        if (partnerCenter && holdsWords(s, start, end)) {
            // pid-contoso-myoffer-partnercenter: the stand-in Microsoft's page writes where Partner Center's id goes
            throw invalid(s, "this is a placeholder for a Partner Center tracking id, pid-<guid>-partnercenter, not an"
                    + " id: copy the tracking id exactly as Partner Center shows it on the plan's technical"
                    + " configuration page");
        }
        if (s.charAt(start) == '{') {
            if (s.charAt(end - 1) != '}') {
                throw invalid(s, "the brace at position " + (start + 1) + " is never closed");
            }
            start++;
            end--;
        } else if (s.charAt(end - 1) == '}') {
            throw invalid(s, "the closing brace at position " + end + " has no opening brace");
        }
        return new PartnerId(canonicalGuid(s, start, end), partnerCenter);
    }

    /**
     * Makes a new random (version 4) id, for a new offer, channel or SKU. Register its {@link #guid()} in Partner
     * Center before use.
     *
     * @return a new id
     */
    public static PartnerId random() {
        return new PartnerId(UUID.randomUUID().toString(), false);
    }

    /**
     * The bare GUID, lower case and hyphenated: the value to register in Partner Center.
     *
     * @return the GUID, e.g. {@code 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d}
     */
    public String guid() {
        return guid;
    }

    /**
     * The token for User-Agents and template names: {@code pid-<guid>}, or {@code pid-<guid>-partnercenter} when
     * the id was given in Partner Center's marketplace form.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * Whether the id was given in Partner Center's marketplace form, {@code pid-<guid>-partnercenter}.
     *
     * @return true for the marketplace form
     */
    public boolean isPartnerCenter() {
        return partnerCenter;
    }

    /** Returns {@link #token()}. */
    @Override
    public String toString() {
        return token;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerId && ((PartnerId) other).token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    private static String canonicalGuid(String s, int start, int end) {
        boolean hyphenated = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                hyphenated = true;
            } else if (!Text.isHexDigit(c)) {
                throw invalid(s, Text.describe(c) + " at position " + (i + 1)
                        + " is not a hexadecimal digit (0-9, a-f)");
            }
        }
        char[] out = new char[36];
        if (!hyphenated) {
            int digits = end - start;
            if (digits != 32) {
                throw invalid(s, "it has " + digits + " hex digits; a GUID has 32");
            }
            for (int i = 0, o = 0; i < 32; i++) {
                if (o == 8 || o == 13 || o == 18 || o == 23) {
                    out[o++] = '-';
                }
                out[o++] = Text.lower(s.charAt(start + i));
            }
            return new String(out);
        }
        int groupCount = 1;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '-') {
                groupCount++;
            }
        }
        if (groupCount != GROUPS.length) {
            throw invalid(s, "it has " + groupCount + " groups separated by '-'; a GUID has 5");
        }
        int group = 0;
        int groupStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || s.charAt(i) == '-') {
                int length = i - groupStart;
                if (length != GROUPS[group]) {
                    String problem = "group " + (group + 1) + " has " + length + " hex digit" + (length == 1 ? "" : "s")
                            + "; it needs " + GROUPS[group];
                    if (s.substring(start, end).equalsIgnoreCase(DOCUMENTATION_EXAMPLE)) {
                        problem += ". This is the example GUID from Microsoft's customer usage attribution page,"
                                + " which is one digit short: generate and register your own";
                    }
                    throw invalid(s, problem);
                }
                group++;
                groupStart = i + 1;
            }
        }
        for (int i = 0; i < 36; i++) {
            out[i] = Text.lower(s.charAt(start + i));
        }
        return new String(out);
    }

    /**
     * Whether {@code s[start, end)} is words rather than a GUID: a letter no GUID has (g to z), and fewer hex digits
     * than a GUID's 32 (a GUID with a stray word keeps its own message).
     */
    private static boolean holdsWords(String s, int start, int end) {
        boolean word = false;
        int hex = 0;
        for (int i = start; i < end; i++) {
            char c = Text.lower(s.charAt(i));
            word |= c >= 'g' && c <= 'z';
            hex += Text.isHexDigit(c) ? 1 : 0;
        }
        return word && hex < 32;
    }

    private static boolean isTrimmable(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static InvalidPartnerIdException invalid(String input, String problem) {
        String quoted = input == null ? null : Text.quote(input);
        String message = "Not a partner id: " + (quoted == null ? "null" : quoted) + ": " + problem
                + ". Expected a GUID of 32 hex digits grouped 8-4-4-4-12, optionally as pid-<guid>, e.g. "
                + EXAMPLE;
        return new InvalidPartnerIdException(quoted, problem, message);
    }
}
