package io.github.partnerattribution.core;

import io.github.partnerattribution.core.support.Text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The User-Agent rules every integration of this project follows, for code that sets the header itself (a raw
 * {@code java.net.http} request, a custom transport, a test assertion).
 *
 * <ul>
 *   <li>The token goes at the end, after one space; the rest of the value is never replaced or reordered.</li>
 *   <li>Appending is idempotent: a token already present as a whole word, in any case, is not added again, so
 *       retries, redirects and two layers of tagging never duplicate it.</li>
 *   <li>A missing or blank User-Agent becomes the token alone.</li>
 *   <li>The result is always a valid header value, whatever the input holds: visible ASCII, space and tab only.
 *       Control characters and line breaks become a space, other non-ASCII characters are percent-encoded
 *       ({@code café} becomes {@code caf%C3%A9}), so no transport ever throws for the value or sends it
 *       mangled.</li>
 * </ul>
 *
 * <pre>{@code
 * PartnerId id = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
 * String ua = UserAgents.append("my-tool/1.0", id);  // "my-tool/1.0 pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
 * UserAgents.append(ua, id);                         // unchanged
 * HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", ua).build();
 * }</pre>
 */
public final class UserAgents {
    private UserAgents() {
    }

    /**
     * Appends the id's token to a User-Agent value, unless the value already carries it.
     *
     * @param userAgent the current value; null or blank when the request has none
     * @param partnerId the id to append
     * @return {@code userAgent} itself when it already carries the token, otherwise the value with the token at
     *     its end
     */
    public static String append(String userAgent, PartnerId partnerId) {
        requireNonNull(partnerId, "partnerId");
        return append(userAgent, partnerId.token(), partnerId.token());
    }

    /**
     * The one append rule, written once: every integration reaches it through {@link Attribution#apply(String)} or
     * {@link #append(String, PartnerId)}. The result is always a valid header value (see {@link #headerValue}).
     *
     * @param userAgent the current value; null or blank when the request has none
     * @param token the token that must end up in the value once
     * @param suffix what to append when the token is missing: the token, or extra text and then the token
     */
    static String append(String userAgent, String token, String suffix) {
        String value = userAgent == null ? null : headerValue(userAgent);
        if (Text.isBlank(value)) {
            return suffix;
        }
        if (indexOfWord(value, token, 0) >= 0) {
            return value;
        }
        return join(value, suffix);
    }

    /**
     * The value itself when every character may stand in a header (visible ASCII, space, tab); otherwise a copy in
     * which each run of control, line-break and other invisible characters is one space and every other non-ASCII
     * character is written as the percent-encoded bytes of its UTF-8 form. Never throws, never yields CR or LF.
     */
    static String headerValue(String value) {
        int i = 0;
        while (i < value.length() && isHeaderChar(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        while (i < value.length()) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && isHeaderChar((char) c)) {
                out.append((char) c);
            } else if (c < 0x80 || Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean isHeaderChar(char c) {
        return (c >= 0x20 && c < 0x7f) || c == '\t';
    }

    private static boolean isInvisible(int codePoint) {
        if (Character.isSupplementaryCodePoint(codePoint)) {
            int type = Character.getType(codePoint);
            return type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        }
        return Text.isUnsafe((char) codePoint);
    }

    /**
     * Whether a User-Agent value carries the id's token as a whole word, in any case.
     *
     * @param userAgent the value; null is treated as empty
     * @param partnerId the id to look for
     * @return true if the token is present at least once
     */
    public static boolean contains(CharSequence userAgent, PartnerId partnerId) {
        requireNonNull(partnerId, "partnerId");
        return userAgent != null && indexOfWord(userAgent, partnerId.token(), 0) >= 0;
    }

    /**
     * Counts the whole-word, case-insensitive occurrences of the id's token in a User-Agent value.
     *
     * @param userAgent the value; null is treated as empty
     * @param partnerId the id to count
     * @return how many times the token occurs
     */
    public static int occurrences(CharSequence userAgent, PartnerId partnerId) {
        requireNonNull(partnerId, "partnerId");
        if (userAgent == null) {
            return 0;
        }
        String token = partnerId.token();
        int count = 0;
        for (int at = indexOfWord(userAgent, token, 0); at >= 0; at = indexOfWord(userAgent, token, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Whether a User-Agent value carries the id's token exactly once: the property every attributed request must
     * have.
     *
     * @param userAgent the value; null is treated as empty
     * @param partnerId the id to look for
     * @return true if the token occurs exactly once
     */
    public static boolean carriesExactlyOnce(CharSequence userAgent, PartnerId partnerId) {
        return occurrences(userAgent, partnerId) == 1;
    }

    /**
     * The valid partner ids a User-Agent value carries, in order of appearance; malformed {@code pid-} words are
     * skipped.
     *
     * @param userAgent the value; null is treated as empty
     * @return the ids found, possibly empty, unmodifiable
     */
    public static List<PartnerId> partnerIds(CharSequence userAgent) {
        if (userAgent == null) {
            return Collections.emptyList();
        }
        List<PartnerId> ids = null;
        int length = userAgent.length();
        for (int i = 0; i + PartnerId.PREFIX.length() <= length; i++) {
            if (!Text.regionMatches(userAgent, i, PartnerId.PREFIX) || (i > 0 && isWordChar(userAgent.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < length && isWordChar(userAgent.charAt(end))) {
                end++;
            }
            try {
                PartnerId id = PartnerId.parse(userAgent.subSequence(i, end));
                if (ids == null) {
                    ids = new ArrayList<>(2);
                }
                ids.add(id);
            } catch (InvalidPartnerIdException notAnId) {
                // a word that merely starts with "pid-": not ours to judge here
            }
            i = end;
        }
        return ids == null ? Collections.<PartnerId>emptyList() : Collections.unmodifiableList(ids);
    }

    /** Joins two User-Agent parts with one space, not doubling a space the first already ends with. */
    static String join(String userAgent, String part) {
        char last = userAgent.charAt(userAgent.length() - 1);
        return last == ' ' ? userAgent + part : userAgent + ' ' + part;
    }

    /** Index of {@code word} in {@code s} at or after {@code from}, case-insensitive, as a whole word; -1 if none. */
    static int indexOfWord(CharSequence s, String word, int from) {
        int last = s.length() - word.length();
        char first = Text.lower(word.charAt(0));
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (Text.lower(s.charAt(i)) == first
                    && Text.regionMatches(s, i, word)
                    && (i == 0 || !isWordChar(s.charAt(i - 1)))
                    && (i + word.length() == s.length() || !isWordChar(s.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }
}
