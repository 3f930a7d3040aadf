package io.github.partnerattribution.templates.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Bicep's tokens, as Bicep's own lexer makes them: comments ({@code //} to the line's end, {@code /* *}{@code /}) and
 * {@code #disable-next-line} directives are skipped; a line break is a token (it ends declarations and separates
 * properties); a string with {@code ${...}} is a left piece, expressions and middle pieces, and a right piece, each
 * piece decoded ({@code \\ \' \n \r \t \$} and a code point escape); a {@code '''...'''} string is taken as
 * written. It never throws:
 * a string or comment that is not closed, an unknown escape or character is a {@link BicepSyntax.Diagnostic}, and the
 * text goes on being read. Not API.
 */
final class BicepLexer {
    enum T {
        IDENTIFIER, INTEGER,
        /** A whole string without interpolation. */
        STRING,
        /** {@code '...${}: the text before the first interpolation. */
        STRING_LEFT,
        /** {@code }...${}. */
        STRING_MIDDLE,
        /** {@code }...'}. */
        STRING_RIGHT,
        NEWLINE, SYMBOL, BAD, EOF
    }

    /**
     * The tokens of one text in arrays, not an object each (a scan reads millions): a token is its index, the last one
     * {@link T#EOF}.
     */
    static final class Tokens {
        T[] kinds;
        int[] starts;
        int[] ends;
        /** An identifier's name, a symbol's characters, a string piece's decoded value. */
        String[] texts;
        int size;

        Tokens(int capacity) {
            kinds = new T[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            texts = new String[capacity];
        }

        void add(T kind, int start, int end, String text) {
            if (size == kinds.length) {
                int grown = size * 2 + 16;
                kinds = java.util.Arrays.copyOf(kinds, grown);
                starts = java.util.Arrays.copyOf(starts, grown);
                ends = java.util.Arrays.copyOf(ends, grown);
                texts = java.util.Arrays.copyOf(texts, grown);
            }
            kinds[size] = kind;
            starts[size] = start;
            ends[size] = end;
            texts[size] = text;
            size++;
        }

        /** {@return the last token's kind, or null when there is none yet} */
        T last() {
            return size == 0 ? null : kinds[size - 1];
        }
    }

    private final String text;
    private final Tokens tokens;
    private final List<BicepSyntax.Diagnostic> diagnostics;
    /** Where each line starts: {@link #lines} of them. */
    private int[] lineStarts = new int[256];
    private int lines;
    private int at;
    /** For each open interpolation, how many braces are open inside it. */
    private final List<int[]> interpolations = new ArrayList<>();

    private BicepLexer(String text, List<BicepSyntax.Diagnostic> diagnostics) {
        this.text = text;
        this.diagnostics = diagnostics;
        this.tokens = new Tokens(text.length() / 5 + 16); // about one token in five characters
    }

    /** The tokens of a text, the last one {@link T#EOF}; syntax errors go to {@code diagnostics}. */
    static Tokens tokens(String text, List<BicepSyntax.Diagnostic> diagnostics, int[][] lineStarts) {
        BicepLexer lexer = new BicepLexer(text, diagnostics);
        lexer.lineStart(0);
        lexer.run();
        lineStarts[0] = java.util.Arrays.copyOf(lexer.lineStarts, lexer.lines);
        return lexer.tokens;
    }

    private void lineStart(int offset) {
        if (lines == lineStarts.length) {
            lineStarts = java.util.Arrays.copyOf(lineStarts, lines * 2);
        }
        lineStarts[lines++] = offset;
    }

    private void run() {
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            at = 1;
        }
        String text = this.text;
        while (at < n) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t') {
                int i = at + 1;
                while (i < n && ((c = text.charAt(i)) == ' ' || c == '\t')) {
                    i++; // indentation: a run of blanks in one step
                }
                at = i;
            } else if (c == '\n' || c == '\r') {
                int start = at;
                lineBreak();
                if (tokens.last() != T.NEWLINE) {
                    tokens.add(T.NEWLINE, start, at, "\n"); // blank lines after it add nothing
                }
            } else if (c == '/' && peek(1) == '/') {
                while (at < n && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++;
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '#' && lineHasNoToken()) {
                while (at < n && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++; // #disable-next-line, #disable-diagnostics: directives, not code
                }
            } else if (c == '\'') {
                if (text.startsWith("'''", at)) {
                    multiline();
                } else {
                    string(at, T.STRING, T.STRING_LEFT);
                }
            } else if (c == '}' && !interpolations.isEmpty() && interpolations.get(interpolations.size() - 1)[0] == 0) {
                interpolations.remove(interpolations.size() - 1);
                string(at, T.STRING_RIGHT, T.STRING_MIDDLE);
            } else if (identifierStart(c)) {
                int start = at;
                int i = at + 1;
                int h = c;
                char d;
                while (i < n && identifierPart(d = text.charAt(i))) {
                    h = 31 * h + d;
                    i++;
                }
                at = i;
                tokens.add(T.IDENTIFIER, start, i, name(start, i, h));
            } else if (c >= '0' && c <= '9') {
                int start = at;
                while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                    at++;
                }
                tokens.add(T.INTEGER, start, at, text.substring(start, at));
            } else {
                symbol(c);
            }
        }
        if (!interpolations.isEmpty()) {
            diagnostics.add(new BicepSyntax.Diagnostic(n, "the file ends inside an interpolation ${...} of a string",
                    true));
        }
        tokens.add(T.EOF, n, n, "");
    }

    private static boolean identifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 0x7f && Character.isLetter(c));
    }

    private static boolean identifierPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || (c > 0x7f && Character.isLetterOrDigit(c));
    }

    /** Names repeat (keywords, {@code name}, {@code location}, a file's own symbols): each is made once a file. */
    private final String[] names = new String[512];

    private String name(int start, int end, int h) {
        int slot = (h ^ (h >>> 16)) & (names.length - 1);
        String cached = names[slot];
        if (cached != null && cached.length() == end - start && text.startsWith(cached, start)) {
            return cached;
        }
        String made = text.substring(start, end);
        names[slot] = made;
        return made;
    }

    private void symbol(char c) {
        String s = symbolAt(c);
        if (s != null) {
            if (!interpolations.isEmpty()) {
                int[] open = interpolations.get(interpolations.size() - 1);
                open[0] += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            tokens.add(T.SYMBOL, at, at + s.length(), s);
            at += s.length();
            return;
        }
        diagnostics.add(new BicepSyntax.Diagnostic(at, "unexpected character " + shown(c), false));
        tokens.add(T.BAD, at, at + 1, String.valueOf(c));
        at++;
    }

    /** The symbol that starts at {@code at} with {@code c}, the longest one; null when none does. */
    private String symbolAt(char c) {
        char next = peek(1);
        switch (c) {
            case '{': return "{";
            case '}': return "}";
            case '(': return "(";
            case ')': return ")";
            case '[': return "[";
            case ']': return "]";
            case ',': return ",";
            case ';': return ";";
            case '@': return "@";
            case '+': return "+";
            case '*': return "*";
            case '/': return "/";
            case '%': return "%";
            case '-': return "-";
            case '.': return next == '.' && peek(2) == '.' ? "..." : ".";
            case '?': return next == '?' ? "??" : next == '.' ? "?." : "?";
            case ':': return next == ':' ? "::" : ":";
            case '=': return next == '>' ? "=>" : next == '=' ? "==" : next == '~' ? "=~" : "=";
            case '!': return next == '=' ? "!=" : next == '~' ? "!~" : "!";
            case '<': return next == '=' ? "<=" : "<";
            case '>': return next == '=' ? ">=" : ">";
            case '&': return next == '&' ? "&&" : "&";
            case '|': return next == '|' ? "||" : "|";
            default: return null;
        }
    }

    /** A character as a message shows it: printable ones quoted, others as U+XXXX. */
    static String shown(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0000".substring(hex.length()) + hex;
    }

    private boolean lineHasNoToken() {
        return tokens.size == 0 || tokens.last() == T.NEWLINE;
    }

    /**
     * One string piece from its opening {@code '} (or the {@code }} that ends an interpolation): up to the closing
     * {@code '} ({@code whole}) or to {@code ${} ({@code piece}).
     */
    private void string(int start, T whole, T piece) {
        int n = text.length();
        int i = start + 1;
        for (; i < n; i++) { // most strings hold no escape and no interpolation: taken as they are
            char c = text.charAt(i);
            if (c == '\'') {
                at = i + 1;
                tokens.add(whole, start, at, text.substring(start + 1, i));
                return;
            }
            if (c == '\\' || c == '\n' || c == '\r' || (c == '$' && i + 1 < n && text.charAt(i + 1) == '{')) {
                break;
            }
        }
        StringBuilder value = new StringBuilder(i - start + 16).append(text, start + 1, i);
        at = i; // the plain run before the first escape or interpolation is taken whole
        while (at < n) {
            char c = text.charAt(at);
            if (c == '\'') {
                at++;
                tokens.add(whole, start, at, value.toString());
                return;
            }
            if (c == '\n' || c == '\r') {
                break; // a single-quoted string ends on its line
            }
            if (c == '$' && peek(1) == '{') {
                at += 2;
                tokens.add(piece, start, at, value.toString());
                interpolations.add(new int[] {0});
                return;
            }
            if (c == '\\') {
                escape(value);
                continue;
            }
            value.append(c);
            at++;
        }
        diagnostics.add(new BicepSyntax.Diagnostic(start, "this string is not closed on its line: add the closing '",
                at >= n));
        tokens.add(whole, start, at, value.toString());
    }

    private void escape(StringBuilder value) {
        char next = peek(1);
        switch (next) {
            case '\\':
            case '\'':
            case '$':
                value.append(next);
                at += 2;
                return;
            case 'n':
                value.append('\n');
                at += 2;
                return;
            case 'r':
                value.append('\r');
                at += 2;
                return;
            case 't':
                value.append('\t');
                at += 2;
                return;
            case 'u':
                if (peek(2) == '{') {
                    int close = text.indexOf('}', at + 3);
                    String hex = close < 0 || close - at - 3 > 6 ? "" : text.substring(at + 3, close);
                    if (!hex.isEmpty() && isHex(hex)) {
                        int code = Integer.parseInt(hex, 16);
                        if (code <= 0x10FFFF) {
                            value.appendCodePoint(code);
                            at = close + 1;
                            return;
                        }
                    }
                }
                break;
            default:
                break;
        }
        diagnostics.add(new BicepSyntax.Diagnostic(at, "unknown escape \\" + (next == '\0' ? "" : String.valueOf(next))
                + " in a string: Bicep knows \\\\ \\' \\n \\r \\t \\$ and \\u{...}", false));
        at++;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void multiline() {
        int start = at;
        int end = text.indexOf("'''", at + 3);
        int stop = end < 0 ? text.length() : end;
        // a '''...''' string's value starts after a line break that directly follows its opening quotes
        int from = at + 3;
        if (text.startsWith("\r\n", from)) {
            from += 2;
        } else if (from < text.length() && (text.charAt(from) == '\n' || text.charAt(from) == '\r')) {
            from++;
        }
        String value = text.substring(Math.min(from, stop), stop);
        countLines(at, stop);
        if (end < 0) {
            diagnostics.add(new BicepSyntax.Diagnostic(start, "this ''' string is never closed", true));
            at = text.length();
        } else {
            at = end + 3;
            while (at < text.length() && text.charAt(at) == '\'') {
                at++; // '''a'''' ends with the last three quotes
            }
        }
        tokens.add(T.STRING, start, at, value);
    }

    private void blockComment() {
        int end = text.indexOf("*/", at + 2);
        int stop = end < 0 ? text.length() : end + 2;
        countLines(at, stop);
        if (end < 0) {
            diagnostics.add(new BicepSyntax.Diagnostic(at, "this /* comment is never closed", true));
        }
        at = stop;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                lineStart(i + 1);
            }
        }
    }

    private void lineBreak() {
        if (text.charAt(at) == '\r' && peek(1) == '\n') {
            at++;
        }
        at++;
        lineStart(at);
    }

    private char peek(int ahead) {
        return at + ahead < text.length() ? text.charAt(at + ahead) : '\0';
    }
}
