package io.github.partnerattribution.templates.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The syntax tree of a Bicep file, as {@link BicepParser} reads it: declarations with their decorators, and
 * expressions, every node with where it starts and ends in the text. A file with syntax errors still has a tree: what
 * could not be read is an {@link Kind#ERROR} node and a {@link Diagnostic}. Not API.
 *
 * <pre>{@code
 * BicepSyntax.File file = BicepParser.parse(text);
 * for (BicepSyntax.Declaration d : file.declarations) {
 *     if (d.keyword.equals("module")) { ... d.path() ... }
 * }
 * }</pre>
 */
public final class BicepSyntax {
    private BicepSyntax() {
    }

    /** What an expression node is. */
    public enum Kind {
        /** A string, {@code '...'} or {@code '''...'''}: {@link Node#text} is its value (it has no interpolation). */
        STRING,
        /** A string with {@code ${...}}: its parts, literal {@link Kind#STRING} pieces and expressions, in order. */
        INTERPOLATED,
        INTEGER,
        /** {@code true}, {@code false} or {@code null}: {@link Node#text} says which. */
        KEYWORD,
        /** A symbol: a parameter, variable, resource, module, loop variable or function name. */
        IDENTIFIER,
        /** {@code f(args)} or {@code ns.f(args)}: {@link Node#text} is the function's name, the parts its arguments. */
        CALL,
        /** {@code a.b} and {@code a.?b}: the parts are the target; {@link Node#text} the property. */
        MEMBER,
        /** {@code a[i]}: the target, then the index. */
        INDEX,
        /** {@code a::b}: a nested resource's access, the target as its part. */
        CHILD,
        /** An object: its parts are {@link Kind#PROPERTY} nodes (and {@link Kind#SPREAD}s). */
        OBJECT,
        /** One property: {@link Node#text} the key, the value its part; {@link Node#keyStart} where the key stands. */
        PROPERTY,
        /** {@code ...expression}. */
        SPREAD,
        ARRAY,
        /** {@code [for item in items: body]}: the source, then the body; {@link Node#text} the loop's variables. */
        FOR,
        /** {@code if (condition) body}: the condition, then the body. */
        IF,
        /** {@code condition ? a : b}. */
        TERNARY,
        /** An operator between two expressions: {@link Node#text} is the operator. */
        BINARY,
        /** An operator before (or, for {@code !}, after) one expression. */
        UNARY,
        PARENTHESIZED,
        /** {@code x => ...} or {@code (x, y) => ...}: the body is its part. */
        LAMBDA,
        /** A type: {@code string}, {@code 'a' | 'b'}, {@code {...}}, {@code resource 'x@v'}; read and kept as text. */
        TYPE,
        /** What could not be read; a {@link Diagnostic} says why. */
        ERROR,
        /**
         * Anything in the body of a resource that is not a deployment: read for its syntax, not kept (the rules and
         * the editor read nothing there).
         */
        SKIPPED
    }

    /** One expression and where it stands: from {@link #start} (inclusive) to {@link #end} (exclusive). */
    public static final class Node {
        public final Kind kind;
        public final int start;
        public int end;
        /** A string's value, an identifier's or function's name, a property's key, an operator; null otherwise. */
        public final String text;
        /** The children, in text order. */
        public final List<Node> parts;
        /** For a property, where its key stands; for other nodes {@link #start}. */
        public int keyStart;
        /** For a property of an object: a {@code resource} declared inside it (a child resource), else null. */
        public Declaration declaration;

        Node(Kind kind, int start, int end, String text, List<Node> parts) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.text = text;
            this.parts = parts;
            this.keyStart = start;
        }

        /** {@return the first part, or null} */
        public Node part(int i) {
            return i < parts.size() ? parts.get(i) : null;
        }

        /** An object's property by key (as ARM and Bicep compare keys: without case), or null. */
        public Node property(String key) {
            if (kind != Kind.OBJECT) {
                return null;
            }
            for (Node p : parts) {
                if (p.kind == Kind.PROPERTY && p.text.equalsIgnoreCase(key)) {
                    return p;
                }
            }
            return null;
        }

        /** An object's property value by key, or null. */
        public Node get(String key) {
            Node p = property(key);
            return p == null ? null : p.part(0);
        }

    }

    /** One declaration: {@code param}, {@code var}, {@code resource}, {@code module}, {@code output}, ... */
    public static final class Declaration {
        /** The keyword: {@code targetScope}, {@code param}, {@code var}, {@code resource}, {@code module}, ... */
        public final String keyword;
        /** Where its first decorator starts (its keyword when it has none) and where it ends. */
        public final int start;
        public int end;
        /** Where the keyword stands. */
        public final int keywordStart;
        /** The decorators, each a {@link Kind#CALL} (or an {@link Kind#ERROR}), in order. */
        public final List<Node> decorators;
        /** The symbolic name, or empty when it has none ({@code targetScope}, {@code import}). */
        public String symbol = "";
        public int symbolStart = -1;
        /** A resource's type or a module's path as written (a string node), or null. */
        public Node typeOrPath;
        /** The declared type of a {@code param}, {@code output}, {@code type} or {@code func}, or null. */
        public Node type;
        /** The value: a default, a variable's value, a resource's body; null when it has none. */
        public Node value;
        /** {@code existing}: a resource that is referred to, not deployed. */
        public boolean existing;
        /** For an {@code import}: the symbols it brings into the file. */
        public final List<String> imported = new ArrayList<>();

        Declaration(String keyword, int start, int keywordStart, List<Node> decorators) {
            this.keyword = keyword;
            this.start = start;
            this.keywordStart = keywordStart;
            this.decorators = Collections.unmodifiableList(decorators);
        }

        /** The decorator of this name ({@code description}, {@code sys.description}), or null. */
        public Node decorator(String name) {
            for (Node d : decorators) {
                if (d.kind == Kind.CALL && (d.text.equalsIgnoreCase(name) || d.text.equalsIgnoreCase("sys." + name))) {
                    return d;
                }
            }
            return null;
        }

        /** {@return the object a resource or module declares: through its condition and its loop; null when none} */
        public Node body() {
            return bodyOf(value);
        }

        /** {@return the condition of {@code if (...)}, or null} */
        public Node condition() {
            Node v = value;
            if (v != null && v.kind == Kind.FOR) {
                v = v.part(1);
            }
            return v != null && v.kind == Kind.IF ? v.part(0) : null;
        }

        /** {@return whether the value goes through a loop} */
        public boolean loop() {
            return value != null && value.kind == Kind.FOR;
        }

        static Node bodyOf(Node value) {
            Node v = value;
            if (v != null && v.kind == Kind.FOR) {
                v = v.part(1);
            }
            if (v != null && v.kind == Kind.IF) {
                v = v.part(1);
            }
            return v != null && v.kind == Kind.OBJECT ? v : null;
        }
    }

    /** A syntax error: where, and what was expected. */
    public static final class Diagnostic {
        public final int offset;
        public final String message;
        /** Whether the text ends inside it: a string or a comment that is never closed. */
        public final boolean unterminated;

        Diagnostic(int offset, String message, boolean unterminated) {
            this.offset = offset;
            this.message = message;
            this.unterminated = unterminated;
        }
    }

    /** A whole file: its declarations in order, its syntax errors, and where its lines start. */
    public static final class File {
        public final String text;
        public final List<Declaration> declarations;
        public final List<Diagnostic> diagnostics;
        private final int[] lineStarts;

        File(String text, List<Declaration> declarations, List<Diagnostic> diagnostics, int[] lineStarts) {
            this.text = text;
            this.declarations = Collections.unmodifiableList(declarations);
            this.diagnostics = Collections.unmodifiableList(diagnostics);
            this.lineStarts = lineStarts;
        }

        /** {@return the line of an offset, from 1; a line ends at CR LF, LF or a lone CR} */
        public int line(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        /** {@return the column of an offset, from 1} */
        public int column(int offset) {
            return offset - lineStarts[line(offset) - 1] + 1;
        }

        /** {@return the position of an offset} */
        public TrackingModel.Position position(int offset) {
            int line = line(offset);
            return new TrackingModel.Position(line, offset - lineStarts[line - 1] + 1);
        }

        /** {@return the declared {@code targetScope} if it is a literal, else {@code resourceGroup}} */
        public String targetScope() {
            for (Declaration d : declarations) {
                if (d.keyword.equals("targetScope") && d.value != null && d.value.kind == Kind.STRING) {
                    return d.value.text;
                }
            }
            return "resourceGroup";
        }

        /** {@return whether some declaration, or some import, takes this symbol} */
        public boolean declares(String symbol) {
            for (Declaration d : declarations) {
                if (d.symbol.equals(symbol) || d.imported.contains(symbol)) {
                    return true;
                }
            }
            return false;
        }

        /** {@return the source text of a node, as written} */
        public String source(Node node) {
            return text.substring(node.start, Math.min(node.end, text.length()));
        }
    }
}
