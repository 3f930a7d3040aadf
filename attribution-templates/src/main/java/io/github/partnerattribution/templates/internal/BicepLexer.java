package io.github.partnerattribution.templates.internal;

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
     * {@link T#EOF}. A token's text is made only when asked for ({@link #text}): a scan skims most of a file, and
     * making a string for every name and literal was most of its time. The arrays are lent to one parse at a time on
     * each thread and then reused ({@link #lend}, {@link #giveBack}), so a scan of many files does not allocate them
     * anew for each.
     */
    static final class Tokens {
        private static final T[] KINDS = T.values();
        /** Arrays for more tokens than this (a file of about 300 KB), or more characters, are not kept. */
        private static final int KEPT_MAX = 1 << 16;
        private static final ThreadLocal<Tokens> SPARE = new ThreadLocal<>();

        byte[] kinds;
        /** A one-character symbol's character, -1 for a longer symbol, 0 for any other token: one load tells. */
        byte[] symbols;
        int[] starts;
        int[] ends;
        /** A text that is not the token's own characters (a string with escapes); null otherwise. */
        String[] texts;
        /** Whether any token has a text of its own, to be cleared before the arrays are reused. */
        private boolean anyText;
        int size;
        /** The source, and its characters (the first {@link #length} of the array). */
        String source;
        char[] chars;
        int length;
        /** Names repeat (keywords, {@code name}, {@code location}, a file's own symbols): each is made once a file. */
        private final String[] names = new String[512];

        private Tokens(int capacity, int length) {
            kinds = new byte[capacity];
            symbols = new byte[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            texts = new String[capacity];
            chars = new char[length];
        }

        /** Arrays for the tokens of {@code text}: this thread's spare ones when there are, new ones otherwise. */
        static Tokens lend(String text) {
            Tokens t = SPARE.get();
            int capacity = text.length() / 5 + 16; // about one token in five characters
            if (t == null) {
                t = new Tokens(capacity, text.length());
            } else {
                SPARE.remove(); // a parse started while this one runs gets arrays of its own
                if (t.chars.length < text.length()) {
                    t.chars = new char[text.length()];
                }
            }
            t.source = text;
            t.length = text.length();
            text.getChars(0, text.length(), t.chars, 0);
            t.size = 0;
            java.util.Arrays.fill(t.names, null);
            return t;
        }

        /** After a parse: the arrays go back to the thread for the next file, unless they grew too large to keep. */
        void giveBack() {
            if (anyText) {
                java.util.Arrays.fill(texts, 0, size, null);
                anyText = false;
            }
            source = null;
            if (kinds.length <= KEPT_MAX && chars.length <= KEPT_MAX * 4) {
                SPARE.set(this);
            }
        }

        void add(T kind, int start, int end, String text) {
            if (size == kinds.length) {
                grow();
            }
            kinds[size] = (byte) kind.ordinal();
            symbols[size] = 0;
            starts[size] = start;
            ends[size] = end;
            if (text != null) {
                texts[size] = text;
                anyText = true;
            }
            size++;
        }

        /** A symbol, {@code c} its first character. */
        void addSymbol(int start, int end, char c) {
            add(T.SYMBOL, start, end, null);
            symbols[size - 1] = end - start == 1 ? (byte) c : -1;
        }

        private void grow() {
            int grown = size * 2 + 16;
            kinds = java.util.Arrays.copyOf(kinds, grown);
            symbols = java.util.Arrays.copyOf(symbols, grown);
            starts = java.util.Arrays.copyOf(starts, grown);
            ends = java.util.Arrays.copyOf(ends, grown);
            texts = java.util.Arrays.copyOf(texts, grown);
        }

        T kind(int t) {
            return KINDS[kinds[t]];
        }

        boolean isKind(int t, T kind) {
            return kinds[t] == kind.ordinal();
        }

        /** Whether token {@code t} is the one-character symbol {@code c} (an ASCII character). */
        boolean isSymbol(int t, char c) {
            return symbols[t] == c;
        }

        /** {@return the last token's kind, or null when there is none yet} */
        T last() {
            return size == 0 ? null : kind(size - 1);
        }

        /** Whether token {@code t} is of {@code kind} and its characters are {@code s}: nothing is made to tell. */
        boolean is(int t, T kind, String s) {
            int start = starts[t];
            int n = s.length();
            if (kinds[t] != kind.ordinal() || ends[t] - start != n) {
                return false;
            }
            char[] c = chars;
            for (int i = 0; i < n; i++) {
                if (c[start + i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** An identifier's name, a symbol's characters, an integer's digits, a string piece's decoded value. */
        String text(int t) {
            String stored = texts[t];
            if (stored != null) {
                return stored;
            }
            int start = starts[t];
            int end = ends[t];
            switch (kind(t)) {
                case IDENTIFIER:
                    return name(start, end);
                case STRING:
                case STRING_RIGHT:
                    return source.substring(start + 1, end - 1); // 'text' or }text'
                case STRING_LEFT:
                case STRING_MIDDLE:
                    return source.substring(start + 1, end - 2); // 'text${ or }text${
                case NEWLINE:
                    return "\n";
                case EOF:
                    return "";
                case SYMBOL:
                    if (end - start == 1) {
                        return single(chars[start]);
                    }
                    for (String symbol : LONGER_SYMBOLS) {
                        if (is(t, T.SYMBOL, symbol)) {
                            return symbol;
                        }
                    }
                    return source.substring(start, end);
                default:
                    return end - start == 1 ? single(chars[start]) : source.substring(start, end);
            }
        }

        /** The symbols of more than one character ({@link BicepLexer#symbolLength}): each made once. */
        private static final String[] LONGER_SYMBOLS = {
            "...", "??", "?.", "::", "=>", "==", "=~", "!=", "!~", "<=", ">=", "&&", "||"
        };

        private static final String[] ASCII = new String[128];

        static {
            for (char c = 0; c < 128; c++) {
                ASCII[c] = String.valueOf(c).intern();
            }
        }

        private static String single(char c) {
            return c < 128 ? ASCII[c] : String.valueOf(c);
        }

        private String name(int start, int end) {
            char[] c = chars;
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + c[i];
            }
            int slot = (h ^ (h >>> 16)) & (names.length - 1);
            String cached = names[slot];
            if (cached != null && cached.length() == end - start && source.startsWith(cached, start)) {
                return cached;
            }
            String made = source.substring(start, end);
            names[slot] = made;
            return made;
        }
    }

    private final String text;
    /** The text's characters (the first {@code n}): read by index millions of times a scan, faster than charAt. */
    private final char[] chars;
    private final int n;
    private final Tokens tokens;
    private final List<BicepSyntax.Diagnostic> diagnostics;
    /** Where each line starts: {@link #lines} of them. */
    private int[] lineStarts = new int[256];
    private int lines;
    private int at;
    /** For each open interpolation, how many braces are open inside it. */
    private int[] interpolations = new int[8];
    /** How many interpolations are open, one inside another. */
    private int open;

    private BicepLexer(String text, List<BicepSyntax.Diagnostic> diagnostics) {
        this.text = text;
        this.tokens = Tokens.lend(text);
        this.chars = tokens.chars;
        this.n = text.length();
        this.diagnostics = diagnostics;
    }

    /**
     * The tokens of a text, the last one {@link T#EOF}; syntax errors go to {@code diagnostics}. The caller gives them
     * back ({@link Tokens#giveBack}) when it is done with them.
     */
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

    /** What an ASCII character starts, for the lexer's one dispatch a token. */
    private static final byte OTHER = 0;
    private static final byte BLANK = 1;
    private static final byte LINE = 2;
    private static final byte LETTER = 3;
    private static final byte DIGIT = 4;
    private static final byte QUOTE = 5;
    private static final byte SLASH = 6;
    private static final byte HASH = 7;
    private static final byte CLOSE = 8;
    private static final byte[] STARTS = new byte[128];
    /** The ASCII characters a string piece stops at, or looks at twice: ' $ \\ and the line breaks. */
    private static final boolean[] STRING_STOPS = new boolean[128];
    /** Whether an ASCII character may continue a name. */
    private static final boolean[] NAME_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            NAME_PART[c] = letter || digit;
            STARTS[c] = letter ? LETTER : digit ? DIGIT : OTHER;
        }
        STARTS[' '] = BLANK;
        STARTS['\t'] = BLANK;
        STARTS['\n'] = LINE;
        STARTS['\r'] = LINE;
        STARTS['\''] = QUOTE;
        STARTS['/'] = SLASH;
        STARTS['#'] = HASH;
        STARTS['}'] = CLOSE;
        for (char c : "'$\\\n\r".toCharArray()) {
            STRING_STOPS[c] = true;
        }
    }

    private void run() {
        char[] text = chars;
        int n = this.n;
        if (n > 0 && text[0] == '\uFEFF') {
            at = 1;
        }
        while (at < n) {
            char c = text[at];
            int start = at;
            switch (c < 128 ? STARTS[c] : Character.isLetter(c) ? LETTER : OTHER) {
                case BLANK: {
                    int i = start + 1;
                    while (i < n && ((c = text[i]) == ' ' || c == '\t')) {
                        i++; // indentation: a run of blanks in one step
                    }
                    at = i;
                    break;
                }
                case LETTER: {
                    int i = start + 1;
                    while (i < n && ((c = text[i]) < 128 ? NAME_PART[c] : Character.isLetterOrDigit(c))) {
                        i++;
                    }
                    at = i;
                    tokens.add(T.IDENTIFIER, start, i, null);
                    break;
                }
                case LINE:
                    lineBreak();
                    if (tokens.last() != T.NEWLINE) {
                        tokens.add(T.NEWLINE, start, at, null); // blank lines after it add nothing
                    }
                    break;
                case DIGIT: {
                    int i = start + 1;
                    while (i < n && text[i] >= '0' && text[i] <= '9') {
                        i++;
                    }
                    at = i;
                    tokens.add(T.INTEGER, start, i, null);
                    break;
                }
                case QUOTE:
                    if (peek(1) == '\'' && peek(2) == '\'') {
                        multiline();
                    } else {
                        string(start, T.STRING, T.STRING_LEFT);
                    }
                    break;
                case SLASH:
                    if (peek(1) == '/') {
                        toLineEnd();
                    } else if (peek(1) == '*') {
                        blockComment();
                    } else {
                        symbol(c);
                    }
                    break;
                case HASH:
                    if (lineHasNoToken()) {
                        toLineEnd(); // #disable-next-line, #disable-diagnostics: directives, not code
                    } else {
                        symbol(c);
                    }
                    break;
                case CLOSE:
                    if (open > 0 && interpolations[open - 1] == 0) {
                        open--;
                        string(start, T.STRING_RIGHT, T.STRING_MIDDLE);
                    } else {
                        symbol(c);
                    }
                    break;
                default:
                    symbol(c);
                    break;
            }
        }
        if (open > 0) {
            diagnostics.add(new BicepSyntax.Diagnostic(n, "the file ends inside an interpolation ${...} of a string",
                    true));
        }
        tokens.add(T.EOF, n, n, null);
    }

    private void interpolationOpens() {
        if (open == interpolations.length) {
            interpolations = java.util.Arrays.copyOf(interpolations, open * 2);
        }
        interpolations[open++] = 0;
    }

    private void toLineEnd() {
        char[] text = chars;
        int i = at;
        while (i < n && text[i] != '\n' && text[i] != '\r') {
            i++;
        }
        at = i;
    }

    private void symbol(char c) {
        int length = symbolLength(c);
        if (length > 0) {
            if (open > 0) {
                interpolations[open - 1] += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            tokens.addSymbol(at, at + length, c);
            at += length;
            return;
        }
        diagnostics.add(new BicepSyntax.Diagnostic(at, "unexpected character " + shown(c), false));
        tokens.add(T.BAD, at, at + 1, null);
        at++;
    }

    /** For each ASCII character: 0 when no symbol starts with it, 1 when only itself, 2 when a longer one may. */
    private static final byte[] SYMBOL_STARTS = new byte[128];

    static {
        for (char c : "{}()[],;@+*/%-".toCharArray()) {
            SYMBOL_STARTS[c] = 1;
        }
        for (char c : ".?:=!<>&|".toCharArray()) {
            SYMBOL_STARTS[c] = 2;
        }
    }

    /** How long the symbol is that starts at {@code at} with {@code c}, the longest one; 0 when none does. */
    private int symbolLength(char c) {
        int kind = c < 128 ? SYMBOL_STARTS[c] : 0;
        return kind == 2 ? longerSymbol(c) : kind;
    }

    private int longerSymbol(char c) {
        char next = peek(1);
        switch (c) {
            case '.':
                return next == '.' && peek(2) == '.' ? 3 : 1;
            case '?':
                return next == '?' || next == '.' ? 2 : 1;
            case ':':
                return next == ':' ? 2 : 1;
            case '=':
                return next == '>' || next == '=' || next == '~' ? 2 : 1;
            case '!':
                return next == '=' || next == '~' ? 2 : 1;
            case '<':
            case '>':
                return next == '=' ? 2 : 1;
            case '&':
                return next == '&' ? 2 : 1;
            default: // '|'
                return next == '|' ? 2 : 1;
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
        char[] text = chars;
        int n = this.n;
        int i = start + 1;
        for (; i < n; i++) { // most pieces hold no escape: their value is their characters, made when asked for
            char c = text[i];
            if (c >= 128 || !STRING_STOPS[c]) {
                continue; // one test for most characters of a string
            }
            if (c == '\'') {
                at = i + 1;
                tokens.add(whole, start, at, null);
                return;
            }
            if (c == '$' && i + 1 < n && text[i + 1] == '{') {
                at = i + 2;
                tokens.add(piece, start, at, null);
                interpolationOpens();
                return;
            }
            if (c == '\\' || c == '\n' || c == '\r') {
                break;
            }
        }
        escaped(start, i, whole, piece);
    }

    /** The rest of a string piece that holds an escape (or ends on its line): its value decoded as it is read. */
    private void escaped(int start, int i, T whole, T piece) {
        char[] text = chars;
        int n = this.n;
        StringBuilder value = new StringBuilder(i - start + 16).append(text, start + 1, i - start - 1);
        at = i; // the plain run before the first escape or interpolation is taken whole
        while (at < n) {
            char c = text[at];
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
                interpolationOpens();
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
        if (chars[at] == '\r' && peek(1) == '\n') {
            at++;
        }
        at++;
        lineStart(at);
    }

    private char peek(int ahead) {
        return at + ahead < n ? chars[at + ahead] : '\0';
    }
}
