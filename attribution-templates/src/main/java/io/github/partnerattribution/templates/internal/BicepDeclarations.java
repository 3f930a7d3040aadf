package io.github.partnerattribution.templates.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The top-level declarations of a Bicep file, read by a small tokenizer rather than by regular expressions: comments
 * ({@code //}, {@code /* *}{@code /}), strings ({@code '...'} with escapes, {@code '''...'''}) and nesting are
 * skipped, so a {@code module} inside a comment or a string is not one, and a declaration is a keyword at the
 * start of a line outside any brackets. Not API.
 *
 * <pre>{@code
 * for (BicepDeclarations.Declaration d : BicepDeclarations.of(text)) {
 *     if (d.keyword.equals("module")) { ... d.firstString ... }
 * }
 * }</pre>
 */
public final class BicepDeclarations {
    /** One declaration: its keyword, its symbolic name, and its first string (a module's path, a resource's type). */
    public static final class Declaration {
        /** {@code resource}, {@code module}, {@code param}, {@code var}, {@code output}, {@code type}, ... */
        public final String keyword;
        /** The symbolic name, or empty when it has none ({@code targetScope}, {@code import}). */
        public final String symbol;
        /** The first string literal after the keyword on its line, unescaped; null when there is none. */
        public final String firstString;
        /** Where the keyword stands, from 1. */
        public final int line;
        public final int column;
        /** Where the first string stands, from 1 (the keyword's position when there is none). */
        public final int stringLine;
        public final int stringColumn;

        Declaration(String keyword, String symbol, String firstString, int line, int column, int stringLine,
                int stringColumn) {
            this.keyword = keyword;
            this.symbol = symbol;
            this.firstString = firstString;
            this.line = line;
            this.column = column;
            this.stringLine = stringLine;
            this.stringColumn = stringColumn;
        }
    }

    private final String text;
    private int at;
    private int line = 1;
    private int lineStart;

    private BicepDeclarations(String text) {
        this.text = text;
    }

    /** {@return the file's top-level declarations, in file order} */
    public static List<Declaration> of(String text) {
        return Collections.unmodifiableList(new BicepDeclarations(text).read());
    }

    /**
     * Whether the declarations make a deployable file: one with a {@code resource}, {@code module} or {@code output}.
     * A file of only {@code type}, {@code func}, {@code var} or {@code import} declarations is a library others
     * import, not a template.
     */
    public static boolean deployable(List<Declaration> declarations) {
        for (Declaration d : declarations) {
            if (d.keyword.equals("resource") || d.keyword.equals("module") || d.keyword.equals("output")) {
                return true;
            }
        }
        return false;
    }

    /** Whether some declaration is a {@code type} or {@code func}: then a file without resources is a library. */
    public static boolean declaresTypesOrFunctions(List<Declaration> declarations) {
        for (Declaration d : declarations) {
            if (d.keyword.equals("type") || d.keyword.equals("func")) {
                return true;
            }
        }
        return false;
    }

    private List<Declaration> read() {
        List<Declaration> out = new ArrayList<>();
        int depth = 0;
        boolean lineHasToken = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                newLine();
                lineHasToken = false;
            } else if (c == '/' && peek(1) == '/') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
                continue;
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
                continue;
            } else if (c == '\'') {
                string();
                lineHasToken = true;
                continue;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
                lineHasToken = true;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
                lineHasToken = true;
            } else if (Character.isLetter(c) || c == '_') {
                int start = at;
                int column = at - lineStart + 1;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                if (depth == 0 && !lineHasToken) {
                    out.add(declaration(text.substring(start, at), line, column));
                }
                lineHasToken = true;
                continue;
            } else if (!Character.isWhitespace(c)) {
                lineHasToken = true; // a decorator's @, an operator: what follows on this line declares nothing
            }
            at++;
        }
        return out;
    }

    /** After a keyword: its symbolic name and the first string on the same line. */
    private Declaration declaration(String keyword, int keywordLine, int keywordColumn) {
        skipSpaces();
        String symbol = "";
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        symbol = text.substring(start, at);
        skipSpaces();
        String first = null;
        int stringLine = keywordLine;
        int stringColumn = keywordColumn;
        if (at < text.length() && text.charAt(at) == '\'') {
            stringLine = line;
            stringColumn = at - lineStart + 1;
            first = string();
        }
        return new Declaration(keyword, symbol, first, keywordLine, keywordColumn, stringLine, stringColumn);
    }

    private void skipSpaces() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    /** Reads a string from its opening quote; returns its value (interpolations kept as written). */
    private String string() {
        StringBuilder value = new StringBuilder();
        if (text.startsWith("'''", at)) {
            at += 3;
            int end = text.indexOf("'''", at);
            int stop = end < 0 ? text.length() : end;
            for (int i = at; i < stop; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            value.append(text, at, stop);
            at = end < 0 ? text.length() : end + 3;
            return value.toString();
        }
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                char next = text.charAt(at + 1);
                value.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
                at += 2;
            } else if (c == '\'') {
                at++;
                return value.toString();
            } else if (c == '\n') {
                return value.toString(); // unterminated: the line ends it
            } else if (c == '$' && peek(1) == '{') {
                int close = interpolationEnd(at + 2);
                value.append(text, at, close);
                at = close;
            } else {
                value.append(c);
                at++;
            }
        }
        return value.toString();
    }

    /** The index just past the {@code }} that closes an interpolation opened before {@code from}. */
    private int interpolationEnd(int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private void skipBlockComment() {
        int end = text.indexOf("*/", at + 2);
        int stop = end < 0 ? text.length() : end + 2;
        for (int i = at; i < stop; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        at = stop;
    }

    private void newLine() {
        line++;
        lineStart = at + 1;
    }

    private char peek(int ahead) {
        return at + ahead < text.length() ? text.charAt(at + ahead) : '\0';
    }
}
