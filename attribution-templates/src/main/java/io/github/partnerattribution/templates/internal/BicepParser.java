package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.internal.BicepLexer.T;
import io.github.partnerattribution.templates.internal.BicepLexer.Token;
import io.github.partnerattribution.templates.internal.BicepSyntax.Declaration;
import io.github.partnerattribution.templates.internal.BicepSyntax.Diagnostic;
import io.github.partnerattribution.templates.internal.BicepSyntax.Kind;
import io.github.partnerattribution.templates.internal.BicepSyntax.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recursive-descent parser of the Bicep language into a {@link BicepSyntax} tree: declarations ({@code targetScope},
 * {@code metadata}, {@code import}, {@code extension}, {@code param}, {@code var}, {@code type}, {@code func},
 * {@code resource} with {@code existing} and nested child resources, {@code module}, {@code output}) with their
 * decorators, and expressions (strings with interpolation, objects, arrays, {@code if (...)} conditions,
 * {@code [for ...]} loops, calls, member and index access with {@code .?} and {@code [?]}, {@code ::}, ternaries,
 * operators, {@code ??}, lambdas). It never throws: a syntax error is a diagnostic at its offset, and the parser goes
 * on at the next line, so the rest of the file is still read. Nesting is bounded ({@value #MAX_DEPTH} levels). Not API.
 *
 * <pre>{@code
 * BicepSyntax.File file = BicepParser.parse(text);
 * }</pre>
 */
public final class BicepParser {
    /** How deep expressions may nest; deeper text is a syntax error, and the rest of the file is not read. */
    static final int MAX_DEPTH = 200;
    /** At most this many syntax errors are kept for one file. */
    static final int MAX_DIAGNOSTICS = 100;
    private static final List<Node> NONE = Collections.emptyList();
    /** What a skimmed body's nodes all are: read for their syntax, not kept. */
    static final Node SKIPPED = new Node(Kind.SKIPPED, 0, 0, null, NONE);
    /** A list that keeps nothing, for a skimmed body's parts. */
    private static final List<Node> DISCARDED = new java.util.AbstractList<Node>() {
        @Override
        public boolean add(Node n) {
            return true;
        }

        @Override
        public Node get(int index) {
            throw new IndexOutOfBoundsException("a skimmed node keeps no parts");
        }

        @Override
        public int size() {
            return 0;
        }
    };
    /** Whether the nodes read now are kept; false inside the body of a resource that is not a deployment. */
    private boolean build = true;

    private final String text;
    private final List<Token> tokens;
    private final List<Diagnostic> diagnostics;
    private int pos;
    /** Inside parentheses line breaks mean nothing; inside objects and arrays they separate. */
    private int parens;
    private int depth;
    private int lastEnd;

    private BicepParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
        this.text = text;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    /** {@return the syntax tree of a Bicep text, with its syntax errors} */
    public static BicepSyntax.File parse(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        int[][] lineStarts = new int[1][];
        List<Token> tokens = BicepLexer.tokens(text, diagnostics, lineStarts);
        BicepParser parser = new BicepParser(text, tokens, diagnostics);
        List<Declaration> declarations = parser.program();
        int[] starts = lineStarts[0];
        List<Diagnostic> kept = diagnostics.size() > MAX_DIAGNOSTICS
                ? new ArrayList<>(diagnostics.subList(0, MAX_DIAGNOSTICS)) : diagnostics;
        sortByOffset(kept);
        return new BicepSyntax.File(text, declarations, kept, starts);
    }

    private static void sortByOffset(List<Diagnostic> list) {
        for (int i = 1; i < list.size(); i++) { // insertion sort: a handful, nearly in order already
            Diagnostic d = list.get(i);
            int j = i - 1;
            while (j >= 0 && list.get(j).offset > d.offset) {
                list.set(j + 1, list.get(j));
                j--;
            }
            list.set(j + 1, d);
        }
    }

    // ---- declarations

    private List<Declaration> program() {
        List<Declaration> out = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (raw().kind == T.EOF) {
                return out;
            }
            int before = pos;
            Declaration d = declaration();
            if (d != null) {
                out.add(d);
                endOfLine("after the declaration");
            }
            if (pos == before) {
                next();
            }
        }
    }

    private Declaration declaration() {
        int start = raw().start;
        List<Node> decorators = parts(4);
        while (tok().is("@")) {
            int at = next().start;
            Node d = postfix();
            decorators.add(d.kind == Kind.CALL || d == SKIPPED ? d
                    : error(at, "a decorator is a call, such as @description('...')"));
            skipNewlines();
        }
        Token k = tok();
        if (k.kind != T.IDENTIFIER) {
            error(k, "a declaration (param, var, resource, module, output, ...)");
            skipLine();
            return null;
        }
        Declaration d = new Declaration(k.text, start, k.start, decorators);
        switch (k.text) {
            case "targetScope":
                next();
                expect("=");
                d.value = expression();
                break;
            case "metadata":
            case "var":
            case "assert":
                next();
                symbol(d);
                if (k.text.equals("var") && !tok().is("=")) {
                    d.type = type(); // a typed variable
                }
                expect("=");
                d.value = expression();
                break;
            case "param":
                next();
                symbol(d);
                d.type = type();
                if (tok().is("=")) {
                    next();
                    d.value = expression();
                }
                break;
            case "output":
                next();
                symbol(d);
                d.type = type();
                expect("=");
                d.value = expression();
                break;
            case "type":
                next();
                symbol(d);
                expect("=");
                d.type = type();
                break;
            case "func":
                next();
                symbol(d);
                function(d);
                break;
            case "resource":
            case "module":
                next();
                symbol(d);
                d.typeOrPath = isString(tok()) ? primary() : error(tok(), k.text.equals("module")
                        ? "the module's path, as a string" : "the resource's type, as a string");
                if (k.text.equals("resource") && tok().isWord("existing")) {
                    next();
                    d.existing = true;
                }
                expect("=");
                boolean building = build;
                // only deployments' bodies are kept whole: other resources are read for their syntax alone, as the
                // JSON reader skips what no rule reads
                build = building && (k.text.equals("module") || d.typeOrPath.kind != Kind.STRING
                        || d.typeOrPath.text.regionMatches(true, 0, JsonModel.DEPLOYMENTS + "@", 0,
                                JsonModel.DEPLOYMENTS.length() + 1));
                d.value = body();
                build = building;
                break;
            case "import":
            case "extension":
            case "provider":
            case "using":
                next();
                restOfLine(d);
                break;
            default:
                error(k, "a declaration (param, var, resource, module, output, ...)");
                skipLine();
                return null;
        }
        d.end = lastEnd;
        return d;
    }

    private void symbol(Declaration d) {
        Token t = tok();
        if (t.kind == T.IDENTIFIER) {
            d.symbol = t.text;
            d.symbolStart = t.start;
            next();
        } else {
            error(t, "a name for the " + d.keyword);
        }
    }

    /** {@code func name(a string, b int) string => body}. */
    private void function(Declaration d) {
        if (expect("(")) {
            parens++;
            while (!tok().is(")") && tok().kind != T.EOF) {
                int before = pos;
                if (tok().kind == T.IDENTIFIER) {
                    next();
                    type();
                }
                if (!tok().is(",")) {
                    break;
                }
                next();
                if (pos == before) {
                    next();
                }
            }
            parens--;
            expect(")");
        }
        d.type = type();
        expect("=>");
        d.value = expression();
    }

    /**
     * {@code import}, {@code extension}, {@code using}: read to the line's end, brackets balanced; the names an
     * import brings in ({@code as x}, and the names in {@code {a, b as c}}) noted.
     */
    private void restOfLine(Declaration d) {
        int open = 0;
        Token previous = null;
        while (true) {
            Token t = raw();
            if (t.kind == T.EOF || (t.kind == T.NEWLINE && open == 0)) {
                break;
            }
            if (t.is("{") || t.is("(") || t.is("[")) {
                open++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                open--;
            } else if (d.keyword.equals("import") && t.kind == T.IDENTIFIER && !t.text.equals("as")
                    && !t.text.equals("from") && !t.text.equals("with")) {
                Token after = tokens.get(pos + 1);
                boolean aliased = after.isWord("as");
                boolean named = previous != null && (previous.isWord("as") || (open == 1 && (previous.is("{")
                        || previous.is(","))));
                if (named && !aliased) {
                    d.imported.add(t.text);
                }
            }
            previous = t;
            next();
        }
    }

    /** A resource's or module's value: an object, {@code if (...) {...}}, or {@code [for ...: ...]}. */
    private Node body() {
        Token t = tok();
        if (t.isWord("if")) {
            return condition();
        }
        if (t.is("[")) {
            return arrayOrLoop();
        }
        if (t.is("{")) {
            return object();
        }
        return error(t, "{, if (...) or [for ...]");
    }

    private Node condition() {
        int start = next().start;
        List<Node> parts = parts(2);
        expect("(");
        parens++;
        parts.add(expression());
        parens--;
        expect(")");
        parts.add(tok().is("{") ? object() : error(tok(), "{ after the condition"));
        return node(Kind.IF, start, lastEnd, null, parts);
    }

    // ---- types: read as written and kept whole

    private Node type() {
        int start = tok().start;
        if (!deeper()) {
            return error(start, null);
        }
        try {
            if (unionAhead()) {
                skipNewlines();
            }
            if (tok().is("|")) {
                next(); // a union written one member a line: type x = | 'a' | 'b'
            }
            typeMember();
            while (unionAhead()) {
                skipNewlines();
                next();
                typeMember();
            }
            return build ? node(Kind.TYPE, start, lastEnd, text.substring(start, Math.max(start, lastEnd)), NONE)
                    : SKIPPED;
        } finally {
            depth--;
        }
    }

    private boolean unionAhead() {
        int i = pos;
        while (tokens.get(i).kind == T.NEWLINE) {
            i++;
        }
        return tokens.get(i).is("|");
    }

    private void typeMember() {
        Token t = tok();
        if (t.kind == T.IDENTIFIER) {
            next();
            if (t.text.equals("resource") && isString(tok())) {
                primary();
            }
        } else if (isString(t) || t.kind == T.INTEGER) {
            primary();
        } else if (t.is("-") && tokens.get(pos + 1).kind == T.INTEGER) {
            next();
            next();
        } else if (t.is("{")) {
            members("}", true);
        } else if (t.is("[")) {
            members("]", false);
        } else if (t.is("(")) {
            next();
            parens++;
            type();
            parens--;
            expect(")");
        } else {
            error(t, "a type");
            return;
        }
        while (true) {
            Token p = raw();
            if (p.is("[")) {
                next();
                if (!tok().is("]")) {
                    next(); // an index or *
                }
                expect("]");
            } else if (p.is(".") && tokens.get(pos + 1).kind == T.IDENTIFIER) {
                next();
                next();
            } else if (p.is("?") || p.is("!")) {
                next();
            } else {
                return;
            }
        }
    }

    /** An object type's members ({@code key?: type}) or a tuple's items, each line maybe decorated. */
    private void members(String close, boolean object) {
        next();
        int saved = parens;
        parens = 0;
        while (true) {
            skipSeparators();
            Token t = raw();
            if (t.is(close)) {
                next();
                break;
            }
            if (t.kind == T.EOF) {
                error(t, close);
                break;
            }
            int before = pos;
            while (tok().is("@")) {
                next();
                postfix();
                skipNewlines();
            }
            if (object) {
                Token key = tok();
                if (key.kind == T.IDENTIFIER || key.is("*")) {
                    next();
                } else if (isString(key)) {
                    primary();
                } else {
                    error(key, "a property name");
                    skipLine();
                    if (pos == before) {
                        next(); // a closing bracket this object type did not open: past it, so the loop moves on
                    }
                    continue;
                }
                if (tok().is("?")) {
                    next();
                }
                expect(":");
            }
            type();
            afterItem(close);
            if (pos == before) {
                next();
            }
        }
        parens = saved;
    }

    // ---- expressions

    Node expression() {
        if (!deeper()) {
            return error(tok().start, null);
        }
        try {
            Node condition = binary(0);
            if (!operatorAhead("?")) {
                return condition;
            }
            Node yes = expression();
            Node no = operatorAhead(":") ? expression() : error(tok(), ": of the ? : expression");
            List<Node> parts = parts(3);
            parts.add(condition);
            parts.add(yes);
            parts.add(no);
            return node(Kind.TERNARY, condition.start, lastEnd, null, parts);
        } finally {
            depth--;
        }
    }

    /** Operators between two expressions, by precedence climbing: each level binds tighter than the one before. */
    private Node binary(int min) {
        Node left = unary();
        while (true) {
            int i = pos;
            while (tokens.get(i).kind == T.NEWLINE) {
                i++;
            }
            Token t = tokens.get(i);
            int level = t.kind == T.SYMBOL ? level(t.text) : -1;
            // ??, || and && may open the next line (no declaration or property starts with one); others may not
            if (level < min || (i > pos && parens == 0 && level > 2)) {
                return left;
            }
            pos = i;
            next();
            skipNewlines(); // an operator may end a line
            Node right = binary(level + 1);
            List<Node> parts = parts(2);
            parts.add(left);
            parts.add(right);
            left = node(Kind.BINARY, left.start, lastEnd, t.text, parts);
        }
    }

    /** An operator's precedence, from 0 ({@code ??}) to 6 ({@code * / %}); -1 for a symbol that is none. */
    private static int level(String op) {
        switch (op) {
            case "??": return 0;
            case "||": return 1;
            case "&&": return 2;
            case "==": case "!=": case "=~": case "!~": return 3;
            case "<": case ">": case "<=": case ">=": return 4;
            case "+": case "-": return 5;
            case "*": case "/": case "%": return 6;
            default: return -1;
        }
    }

    /**
     * Whether the next token is {@code op} ({@code ?} or {@code :} of a ternary), which is then taken; it may open the
     * next line.
     */
    private boolean operatorAhead(String op) {
        int i = pos;
        while (tokens.get(i).kind == T.NEWLINE) {
            i++;
        }
        if (tokens.get(i).is(op)) {
            pos = i;
            next();
            return true;
        }
        return false;
    }

    private Node unary() {
        List<Token> ops = new ArrayList<>(1);
        while (tok().is("!") || tok().is("-") || tok().is("+")) {
            ops.add(next());
        }
        Node n = postfix();
        for (int i = ops.size() - 1; i >= 0; i--) {
            n = node(Kind.UNARY, ops.get(i).start, n.end, ops.get(i).text, one(n));
        }
        return n;
    }

    private Node postfix() {
        Node n = primary();
        while (true) {
            Token t = tok();
            if (t.is(".") || t.is("?.")) {
                next();
                if (tok().is("?")) {
                    next(); // a.?b
                }
                Token name = tok();
                if (name.kind != T.IDENTIFIER) {
                    return error(name, "a property name after .");
                }
                next();
                if (raw().is("(")) {
                    String callee = n.kind == Kind.IDENTIFIER ? n.text + "." + name.text : name.text;
                    List<Node> args = arguments();
                    List<Node> parts = parts(args.size() + 1);
                    if (n.kind != Kind.IDENTIFIER) {
                        parts.add(n);
                    }
                    parts.addAll(args);
                    n = node(Kind.CALL, n.start, lastEnd, callee, parts);
                } else {
                    n = node(Kind.MEMBER, n.start, lastEnd, name.text, one(n));
                }
            } else if (t.is("[")) {
                next();
                if (tok().is("?")) {
                    next(); // a[?i]
                }
                parens++;
                Node index = expression();
                parens--;
                expect("]");
                List<Node> parts = parts(2);
                parts.add(n);
                parts.add(index);
                n = node(Kind.INDEX, n.start, lastEnd, null, parts);
            } else if (t.is("::")) {
                next();
                Token name = tok();
                if (name.kind != T.IDENTIFIER) {
                    return error(name, "a nested resource's name after ::");
                }
                next();
                n = node(Kind.CHILD, n.start, lastEnd, name.text, one(n));
            } else if (t.is("!") && !tokens.get(pos + 1).is("=")) {
                next(); // a non-null assertion
                n = node(Kind.UNARY, n.start, lastEnd, "!", one(n));
            } else {
                return n;
            }
        }
    }

    Node primary() {
        Token t = tok();
        switch (t.kind) {
            case IDENTIFIER: {
                next();
                if (t.text.equals("true") || t.text.equals("false") || t.text.equals("null")) {
                    return node(Kind.KEYWORD, t.start, t.end, t.text, NONE);
                }
                if (raw().is("(")) {
                    List<Node> args = arguments();
                    return node(Kind.CALL, t.start, lastEnd, t.text, args);
                }
                if (raw().is("=>")) {
                    next();
                    return node(Kind.LAMBDA, t.start, lastEnd, t.text, one(expression()));
                }
                return node(Kind.IDENTIFIER, t.start, t.end, t.text, NONE);
            }
            case INTEGER:
                next();
                return node(Kind.INTEGER, t.start, t.end, t.text, NONE);
            case STRING:
                next();
                return node(Kind.STRING, t.start, t.end, t.text, NONE);
            case STRING_LEFT:
                return interpolated();
            default:
                break;
        }
        if (t.is("(")) {
            return lambdaAhead() ? lambda() : parenthesized();
        }
        if (t.is("[")) {
            return arrayOrLoop();
        }
        if (t.is("{")) {
            return object();
        }
        return error(t, "an expression");
    }

    private Node interpolated() {
        Token left = next();
        List<Node> parts = parts(4);
        parts.add(node(Kind.STRING, left.start, left.end, left.text, NONE));
        while (true) {
            parens++;
            parts.add(expression());
            parens--;
            Token t = raw();
            if (t.kind == T.STRING_MIDDLE || t.kind == T.STRING_RIGHT) {
                next();
                parts.add(node(Kind.STRING, t.start, t.end, t.text, NONE));
                if (t.kind == T.STRING_RIGHT) {
                    return node(Kind.INTERPOLATED, left.start, lastEnd, null, parts);
                }
            } else {
                Node e = error(t, "} to close the interpolation ${...}");
                while (raw().kind != T.EOF && raw().kind != T.NEWLINE && raw().kind != T.STRING_RIGHT) {
                    next();
                }
                if (raw().kind == T.STRING_RIGHT) {
                    next();
                }
                parts.add(e);
                return node(Kind.INTERPOLATED, left.start, lastEnd, null, parts);
            }
        }
    }

    private List<Node> arguments() {
        next(); // (
        parens++;
        List<Node> args = parts(4);
        if (!tok().is(")")) {
            while (true) {
                args.add(expression());
                if (!tok().is(",")) {
                    break;
                }
                next();
            }
        }
        parens--;
        expect(")");
        return args;
    }

    /** Whether {@code (} opens a lambda's parameters: {@code (a, b) =>}. */
    private boolean lambdaAhead() {
        int i = pos + 1;
        while (tokens.get(i).kind == T.IDENTIFIER || tokens.get(i).is(",") || tokens.get(i).kind == T.NEWLINE) {
            i++;
        }
        return tokens.get(i).is(")") && tokens.get(i + 1).is("=>");
    }

    private Node lambda() {
        int start = tok().start;
        while (!raw().is("=>")) {
            next();
        }
        next();
        return node(Kind.LAMBDA, start, lastEnd, null, one(expression()));
    }

    private Node parenthesized() {
        int start = next().start;
        parens++;
        Node inner = expression();
        parens--;
        expect(")");
        return node(Kind.PARENTHESIZED, start, lastEnd, null, one(inner));
    }

    private Node object() {
        int start = next().start;
        int saved = parens;
        parens = 0;
        List<Node> parts = parts(4);
        while (true) {
            skipSeparators();
            Token t = raw();
            if (t.is("}")) {
                next();
                break;
            }
            if (t.kind == T.EOF) {
                error(start, "this { is never closed");
                break;
            }
            int before = pos;
            Node property = property();
            if (property != null) {
                parts.add(property);
                afterItem("}");
            }
            if (pos == before) {
                next();
            }
        }
        parens = saved;
        return node(Kind.OBJECT, start, lastEnd, null, parts);
    }

    private Node property() {
        Token t = raw();
        if (t.is("@") || (t.isWord("resource") && tokens.get(pos + 1).kind == T.IDENTIFIER
                && isString(tokens.get(pos + 2)))) {
            Declaration child = declaration(); // a nested child resource, maybe decorated
            if (child == null) {
                return null;
            }
            if (!build) {
                return SKIPPED;
            }
            Node n = node(Kind.PROPERTY, child.start, child.end, "", NONE);
            n.declaration = child;
            return n;
        }
        if (t.is("...")) {
            next();
            return node(Kind.SPREAD, t.start, lastEnd, null, one(expression()));
        }
        String key;
        if (t.kind == T.IDENTIFIER || t.kind == T.STRING) {
            key = t.text;
            next();
        } else {
            error(t, "a property name");
            skipLine();
            return null;
        }
        expect(":");
        Node value = expression();
        Node n = node(Kind.PROPERTY, t.start, lastEnd, key, one(value));
        if (n != SKIPPED) {
            n.keyStart = t.start;
        }
        return n;
    }

    private Node arrayOrLoop() {
        int start = next().start;
        int saved = parens;
        parens = 0;
        try {
            skipNewlines();
            if (raw().isWord("for")) {
                return loop(start);
            }
            List<Node> items = parts(4);
            while (true) {
                skipSeparators();
                Token t = raw();
                if (t.is("]")) {
                    next();
                    break;
                }
                if (t.kind == T.EOF) {
                    error(start, "this [ is never closed");
                    break;
                }
                int before = pos;
                items.add(expression());
                afterItem("]");
                if (pos == before) {
                    next();
                }
            }
            return node(Kind.ARRAY, start, lastEnd, null, items);
        } finally {
            parens = saved;
        }
    }

    /** {@code [for x in xs: body]} or {@code [for (x, i) in xs: body]}; the variables are kept as written. */
    private Node loop(int start) {
        next(); // for
        int from = tok().start;
        if (tok().is("(")) {
            while (!raw().is(")") && raw().kind != T.EOF && raw().kind != T.NEWLINE) {
                next();
            }
            expect(")");
        } else if (tok().kind == T.IDENTIFIER) {
            next();
        } else {
            error(tok(), "the loop's variable");
        }
        String variables = text.substring(from, Math.max(from, lastEnd));
        if (!tok().isWord("in")) {
            error(tok(), "in");
        } else {
            next();
        }
        List<Node> parts = parts(2);
        parts.add(expression());
        expect(":");
        parts.add(tok().isWord("if") ? condition() : expression());
        skipNewlines();
        expect("]");
        return node(Kind.FOR, start, lastEnd, variables, parts);
    }

    /** After an item of an object or array: a line break, a comma, or the closing bracket. */
    private void afterItem(String close) {
        Token t = raw();
        if (t.kind != T.NEWLINE && !t.is(",") && !t.is(close) && t.kind != T.EOF) {
            error(t, "a line break, a comma or " + close);
            skipLine();
        }
    }

    // ---- nodes: made whole, or, inside a skimmed body, read and not kept

    private Node node(Kind kind, int start, int end, String text, List<Node> parts) {
        return build ? new Node(kind, start, end, text, parts) : SKIPPED;
    }

    private List<Node> parts(int capacity) {
        return build ? new ArrayList<Node>(capacity) : DISCARDED;
    }

    private List<Node> one(Node n) {
        return build ? Collections.singletonList(n) : NONE;
    }

    // ---- tokens

    private boolean deeper() {
        if (++depth > MAX_DEPTH) {
            depth--;
            if (pos < tokens.size() - 1) {
                diagnostics.add(new Diagnostic(tok().start, "the text nests more than " + MAX_DEPTH + " levels deep;"
                        + " the rest of the file was not read", false));
                pos = tokens.size() - 1; // the rest is not read: every loop ends at the end of the file
            }
            return false;
        }
        return true;
    }

    /** The current token, line breaks skipped inside parentheses. */
    private Token tok() {
        while (parens > 0 && tokens.get(pos).kind == T.NEWLINE) {
            pos++;
        }
        return tokens.get(pos);
    }

    /** The current token, line breaks included. */
    private Token raw() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tok();
        if (t.kind != T.EOF) {
            pos++;
            if (t.kind != T.NEWLINE) {
                lastEnd = t.end;
            }
        }
        return t;
    }

    private boolean expect(String symbol) {
        if (tok().is(symbol)) {
            next();
            return true;
        }
        error(tok(), symbol);
        return false;
    }

    private void skipNewlines() {
        while (raw().kind == T.NEWLINE) {
            pos++;
        }
    }

    private void skipSeparators() {
        while (raw().kind == T.NEWLINE || raw().is(",")) {
            pos++;
        }
    }

    /** After a declaration: the line must end. */
    private void endOfLine(String where) {
        Token t = raw();
        if (t.kind != T.NEWLINE && t.kind != T.EOF) {
            error(t, "a line break " + where);
            skipLine();
        }
    }

    /** Skips to the end of the line, over whole bracketed groups; stops before a closing bracket it did not open. */
    private void skipLine() {
        int open = 0;
        while (true) {
            Token t = raw();
            if (t.kind == T.EOF || (t.kind == T.NEWLINE && open == 0)) {
                return;
            }
            if (t.is("{") || t.is("[") || t.is("(")) {
                open++;
            } else if (t.is("}") || t.is("]") || t.is(")")) {
                if (open == 0) {
                    return;
                }
                open--;
            }
            pos++;
            lastEnd = t.kind == T.NEWLINE ? lastEnd : t.end;
        }
    }

    private static boolean isString(Token t) {
        return t.kind == T.STRING || t.kind == T.STRING_LEFT;
    }

    private Node error(Token t, String expected) {
        String found = t.kind == T.EOF ? "the end of the file" : t.kind == T.NEWLINE ? "the end of the line"
                : isString(t) || t.kind == T.STRING_RIGHT || t.kind == T.STRING_MIDDLE ? "a string"
                : "'" + t.text + "'";
        return error(t.start, "expected " + expected + " but found " + found);
    }

    private Node error(int offset, String message) {
        if (message != null && (diagnostics.isEmpty() || diagnostics.get(diagnostics.size() - 1).offset != offset)) {
            diagnostics.add(new Diagnostic(offset, message, false));
        }
        return new Node(Kind.ERROR, offset, offset, null, NONE);
    }
}
