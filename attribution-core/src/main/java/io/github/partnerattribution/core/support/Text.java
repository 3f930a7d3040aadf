package io.github.partnerattribution.core.support;

/**
 * Text helpers shared by the modules of this project. Not API: may change in any release.
 */
public final class Text {
    private static final int MAX_QUOTED = 80;

    private Text() {
    }

    /**
     * Quotes a value for an error message: double quotes around it, control, format and separator characters
     * escaped, long values cut, so that a message never carries a line break or an invisible character.
     */
    public static String quote(CharSequence value) {
        return quote(value, MAX_QUOTED);
    }

    /** {@link #quote(CharSequence)}, cutting after {@code max} characters: for ids, whose end says what is wrong. */
    public static String quote(CharSequence value, int max) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 16).append('"');
        int shown = Math.min(value.length(), max);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default:
                    if (isUnsafe(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
        if (value.length() > shown) {
            out.append("... (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Text from outside (a server, a file) made safe to print on a terminal: every control, format or separator
     * character is written as {@code \\uXXXX}, so escape sequences cannot move the cursor, retitle the window or
     * forge a line. Everything else, and the length, is kept; the value itself when there is nothing to escape.
     */
    public static String printable(CharSequence value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = isUnsafe(c) && !(Character.isSurrogate(c) && isPair(value, i));
            if (escape && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (escape) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value.toString() : out.toString();
    }

    private static boolean isPair(CharSequence s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** True for characters that must never reach a header value or a one-line message unescaped. */
    public static boolean isUnsafe(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** Describes one character for an error message, e.g. {@code 'g'} or {@code U+000D (carriage return)}. */
    public static String describe(char c) {
        switch (c) {
            case '\t': return "a tab (U+0009)";
            case '\n': return "a line feed (U+000A)";
            case '\r': return "a carriage return (U+000D)";
            case '\0': return "a NUL character (U+0000)";
            case ' ': return "a space";
            default:
                String code = String.format("U+%04X", (int) c);
                if (isUnsafe(c)) {
                    return "the control character " + code;
                }
                if (c < 0x80) {
                    return "'" + c + "'";
                }
                String name = Character.getName(c);
                return "'" + c + "' (" + code + (name == null ? "" : " " + name) + ")";
        }
    }

    /** Case-insensitive (ASCII) test that {@code s} holds {@code part} at {@code offset}. */
    public static boolean regionMatches(CharSequence s, int offset, String part) {
        if (offset < 0 || offset + part.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (lower(s.charAt(offset + i)) != lower(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII lower case; other characters unchanged (no locale). */
    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** True when a string is null or holds only white space. */
    public static boolean isBlank(CharSequence s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encodes one URI path segment (RFC 3986): every byte of its UTF-8 form except ASCII letters, digits,
     * {@code - . _ ~} and the characters in {@code alsoKept}, as {@code %XX} in upper case.
     */
    public static String percentEncode(String segment, String alsoKept) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (c < 0x80 && alsoKept.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /**
     * {@code s} with spaces after it up to {@code width} characters (as {@code %-<width>s} would have it): the local
     * commands' columns, without {@link java.util.Formatter}, whose parser starts the regular-expression engine.
     */
    public static String padded(String s, int width) {
        StringBuilder out = new StringBuilder(Math.max(width, s.length())).append(s);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }

    /** Whether {@code c} is a hexadecimal digit, 0-9, a-f or A-F (ASCII only). */
    public static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Whether a name can name a template parameter, ARM's and Bicep's alike: a letter or {@code _}, then letters,
     * digits or {@code _}, at most 255 in all.
     */
    public static boolean isParameterName(String name) {
        boolean valid = name != null && !name.isEmpty() && name.length() <= 255;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9';
        }
        return valid;
    }

    /**
     * The candidate a mistyped word most likely meant, for a "did you mean" in a message: the one fewest edits away
     * (a character added, dropped, changed, or two neighbours swapped), when that is at most a third of the word's
     * length and at most 3; the first such in order on a tie; null when none is that close.
     */
    public static String closest(String word, Iterable<String> candidates) {
        int limit = Math.min(3, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - word.length()) >= bestDistance || candidate.equals(word)) {
                continue;
            }
            int d = editDistance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edits from {@code a} to {@code b}: insertions, deletions, substitutions and swaps of neighbours (OSA). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
