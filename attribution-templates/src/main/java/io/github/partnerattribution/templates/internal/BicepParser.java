package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.internal.BicepLexer.T;
import io.github.partnerattribution.templates.internal.BicepLexer.Tokens;
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
    private final Tokens tokens;
    private final List<Diagnostic> diagnostics;
    private int pos;
    /** Inside parentheses line breaks mean nothing; inside objects and arrays they separate. */
    private int parens;
    private int depth;
    private int lastEnd;

    private BicepParser(String text, Tokens tokens, List<Diagnostic> diagnostics) {
        this.text = text;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    /** {@return the syntax tree of a Bicep text, with its syntax errors} */
    public static BicepSyntax.File parse(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        int[][] lineStarts = new int[1][];
        Tokens tokens = BicepLexer.tokens(text, diagnostics, lineStarts);
        List<Declaration> declarations;
        try {
            declarations = new BicepParser(text, tokens, diagnostics).program();
        } finally {
            tokens.giveBack();
        }
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
            if (tokens.isKind(raw(), T.EOF)) {
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
        int start = tokens.starts[raw()];
        List<Node> decorators = parts(4);
        while (is(tok(), '@')) {
            int at = tokens.starts[next()];
            Node d = postfix();
            decorators.add(d.kind == Kind.CALL || d == SKIPPED ? d
                    : error(at, "a decorator is a call, such as @description('...')"));
            skipNewlines();
        }
        int k = tok();
        if (!tokens.isKind(k, T.IDENTIFIER)) {
            errorAt(k, "a declaration (param, var, resource, module, output, ...)");
            skipLine();
            return null;
        }
        Declaration d = new Declaration(tokens.text(k), start, tokens.starts[k], decorators);
        switch (tokens.text(k)) {
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
                if (tokens.text(k).equals("var") && !is(tok(), '=')) {
                    d.type = type(); // a typed variable
                }
                expect("=");
                d.value = expression();
                break;
            case "param":
                next();
                symbol(d);
                d.type = type();
                if (is(tok(), '=')) {
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
                d.typeOrPath = isString(tok()) ? primary() : errorAt(tok(), tokens.text(k).equals("module")
                        ? "the module's path, as a string" : "the resource's type, as a string");
                if (tokens.text(k).equals("resource") && isWord(tok(), "existing")) {
                    next();
                    d.existing = true;
                }
                expect("=");
                boolean building = build;
                // only deployments' bodies are kept whole: other resources are read for their syntax alone, as the
                // JSON reader skips what no rule reads
                build = building && (tokens.text(k).equals("module") || d.typeOrPath.kind != Kind.STRING
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
                errorAt(k, "a declaration (param, var, resource, module, output, ...)");
                skipLine();
                return null;
        }
        d.end = lastEnd;
        return d;
    }

    private void symbol(Declaration d) {
        int t = tok();
        if (tokens.isKind(t, T.IDENTIFIER)) {
            d.symbol = tokens.text(t);
            d.symbolStart = tokens.starts[t];
            next();
        } else {
            errorAt(t, "a name for the " + d.keyword);
        }
    }

    /** {@code func name(a string, b int) string => body}. */
    private void function(Declaration d) {
        if (expect("(")) {
            parens++;
            while (!is(tok(), ')') && !tokens.isKind(tok(), T.EOF)) {
                int before = pos;
                if (tokens.isKind(tok(), T.IDENTIFIER)) {
                    next();
                    type();
                }
                if (!is(tok(), ',')) {
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
        int previous = -1;
        while (true) {
            int t = raw();
            if (tokens.isKind(t, T.EOF) || (tokens.isKind(t, T.NEWLINE) && open == 0)) {
                break;
            }
            if (is(t, '{') || is(t, '(') || is(t, '[')) {
                open++;
            } else if (is(t, '}') || is(t, ')') || is(t, ']')) {
                open--;
            } else if (d.keyword.equals("import") && tokens.isKind(t, T.IDENTIFIER) && !tokens.text(t).equals("as")
                    && !tokens.text(t).equals("from") && !tokens.text(t).equals("with")) {
                int after = (pos + 1);
                boolean aliased = isWord(after, "as");
                boolean named = previous >= 0 && (isWord(previous, "as") || (open == 1 && (is(previous, '{')
                        || is(previous, ','))));
                if (named && !aliased) {
                    d.imported.add(tokens.text(t));
                }
            }
            previous = t;
            next();
        }
    }

    /** A resource's or module's value: an object, {@code if (...) {...}}, or {@code [for ...: ...]}. */
    private Node body() {
        int t = tok();
        if (isWord(t, "if")) {
            return condition();
        }
        if (is(t, '[')) {
            return arrayOrLoop();
        }
        if (is(t, '{')) {
            return object();
        }
        return errorAt(t, "{, if (...) or [for ...]");
    }

    private Node condition() {
        int start = tokens.starts[next()];
        List<Node> parts = parts(2);
        expect("(");
        parens++;
        parts.add(expression());
        parens--;
        expect(")");
        parts.add(is(tok(), '{') ? object() : errorAt(tok(), "{ after the condition"));
        return node(Kind.IF, start, lastEnd, null, parts);
    }

    // ---- types: read as written and kept whole

    private Node type() {
        int start = tokens.starts[tok()];
        if (!deeper()) {
            return error(start, null);
        }
        try {
            if (unionAhead()) {
                skipNewlines();
            }
            if (is(tok(), '|')) {
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
        while (tokens.isKind(i, T.NEWLINE)) {
            i++;
        }
        return is((i), '|');
    }

    private void typeMember() {
        int t = tok();
        if (tokens.isKind(t, T.IDENTIFIER)) {
            next();
            if (tokens.text(t).equals("resource") && isString(tok())) {
                primary();
            }
        } else if (isString(t) || tokens.isKind(t, T.INTEGER)) {
            primary();
        } else if (is(t, '-') && tokens.isKind(pos + 1, T.INTEGER)) {
            next();
            next();
        } else if (is(t, '{')) {
            members("}", true);
        } else if (is(t, '[')) {
            members("]", false);
        } else if (is(t, '(')) {
            next();
            parens++;
            type();
            parens--;
            expect(")");
        } else {
            errorAt(t, "a type");
            return;
        }
        while (true) {
            int p = raw();
            if (is(p, '[')) {
                next();
                if (!is(tok(), ']')) {
                    next(); // an index or *
                }
                expect("]");
            } else if (is(p, '.') && tokens.isKind(pos + 1, T.IDENTIFIER)) {
                next();
                next();
            } else if (is(p, '?') || is(p, '!')) {
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
            int t = raw();
            if (is(t, close)) {
                next();
                break;
            }
            if (tokens.isKind(t, T.EOF)) {
                errorAt(t, close);
                break;
            }
            int before = pos;
            while (is(tok(), '@')) {
                next();
                postfix();
                skipNewlines();
            }
            if (object) {
                int key = tok();
                if (tokens.isKind(key, T.IDENTIFIER) || is(key, '*')) {
                    next();
                } else if (isString(key)) {
                    primary();
                } else {
                    errorAt(key, "a property name");
                    skipLine();
                    if (pos == before) {
                        next(); // a closing bracket this object type did not open: past it, so the loop moves on
                    }
                    continue;
                }
                if (is(tok(), '?')) {
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
            return error(tokens.starts[tok()], null);
        }
        try {
            Node condition = binary(0);
            if (!operatorAhead('?')) {
                return condition;
            }
            Node yes = expression();
            Node no = operatorAhead(':') ? expression() : errorAt(tok(), ": of the ? : expression");
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
            while (tokens.isKind(i, T.NEWLINE)) {
                i++;
            }
            int t = (i);
            int level = level(t);
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
            left = node(Kind.BINARY, left.start, lastEnd, t, parts);
        }
    }

    /**
     * Token {@code t}'s precedence as an operator, from 0 ({@code ??}) to 6 ({@code * / %}); -1 for a token that is
     * none. Read from its characters: this is asked after every operand.
     */
    private int level(int t) {
        if (!tokens.isKind(t, T.SYMBOL)) {
            return -1;
        }
        int start = tokens.starts[t];
        char c = tokens.chars[start];
        if (tokens.ends[t] - start == 1) {
            switch (c) {
                case '<': case '>': return 4;
                case '+': case '-': return 5;
                case '*': case '/': case '%': return 6;
                default: return -1;
            }
        }
        char d = tokens.chars[start + 1];
        switch (c) {
            case '?': return d == '?' ? 0 : -1;
            case '|': return 1;
            case '&': return 2;
            case '=': return d == '=' || d == '~' ? 3 : -1;
            case '!': return 3;
            case '<': case '>': return 4;
            default: return -1;
        }
    }

    /**
     * Whether the next token is {@code op} ({@code ?} or {@code :} of a ternary), which is then taken; it may open the
     * next line.
     */
    private boolean operatorAhead(char op) {
        int i = pos;
        while (tokens.isKind(i, T.NEWLINE)) {
            i++;
        }
        if (is((i), op)) {
            pos = i;
            next();
            return true;
        }
        return false;
    }

    private Node unary() {
        int[] ops = null;
        int count = 0;
        while (true) {
            byte symbol = tokens.symbols[tok()];
            if (symbol != '!' && symbol != '-' && symbol != '+') {
                break;
            }
            if (ops == null || count == ops.length) {
                ops = java.util.Arrays.copyOf(ops == null ? new int[2] : ops, count * 2 + 2);
            }
            ops[count++] = next();
        }
        Node n = postfix();
        for (int i = count - 1; i >= 0; i--) {
            n = node(Kind.UNARY, tokens.starts[ops[i]], n.end, ops[i], one(n));
        }
        return n;
    }

    private Node postfix() {
        Node n = primary();
        while (true) {
            int t = tok();
            if (tokens.symbols[t] == 0) {
                return n; // most operands are followed by no symbol at all, or by one that is not postfix
            }
            if (is(t, '.') || is(t, "?.")) {
                next();
                if (is(tok(), '?')) {
                    next(); // a.?b
                }
                int name = tok();
                if (!tokens.isKind(name, T.IDENTIFIER)) {
                    return errorAt(name, "a property name after .");
                }
                next();
                if (is(raw(), '(')) {
                    String callee = !build ? null
                            : n.kind == Kind.IDENTIFIER ? n.text + "." + tokens.text(name) : tokens.text(name);
                    List<Node> args = arguments();
                    List<Node> parts = parts(args.size() + 1);
                    if (n.kind != Kind.IDENTIFIER) {
                        parts.add(n);
                    }
                    parts.addAll(args);
                    n = node(Kind.CALL, n.start, lastEnd, callee, parts);
                } else {
                    n = node(Kind.MEMBER, n.start, lastEnd, name, one(n));
                }
            } else if (is(t, '[')) {
                next();
                if (is(tok(), '?')) {
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
            } else if (is(t, "::")) {
                next();
                int name = tok();
                if (!tokens.isKind(name, T.IDENTIFIER)) {
                    return errorAt(name, "a nested resource's name after ::");
                }
                next();
                n = node(Kind.CHILD, n.start, lastEnd, name, one(n));
            } else if (is(t, '!') && !is((pos + 1), '=')) {
                next(); // a non-null assertion
                n = node(Kind.UNARY, n.start, lastEnd, "!", one(n));
            } else {
                return n;
            }
        }
    }

    Node primary() {
        int t = tok();
        if (tokens.isKind(t, T.IDENTIFIER)) {
            next();
            if (isWord(t, "true") || isWord(t, "false") || isWord(t, "null")) {
                return node(Kind.KEYWORD, tokens.starts[t], tokens.ends[t], t, NONE);
            }
            if (is(raw(), '(')) {
                List<Node> args = arguments();
                return node(Kind.CALL, tokens.starts[t], lastEnd, t, args);
            }
            if (is(raw(), "=>")) {
                next();
                return node(Kind.LAMBDA, tokens.starts[t], lastEnd, t, one(expression()));
            }
            return node(Kind.IDENTIFIER, tokens.starts[t], tokens.ends[t], t, NONE);
        }
        if (tokens.isKind(t, T.STRING)) {
            next();
            return node(Kind.STRING, tokens.starts[t], tokens.ends[t], t, NONE);
        }
        if (tokens.isKind(t, T.STRING_LEFT)) {
            return interpolated();
        }
        if (tokens.isKind(t, T.INTEGER)) {
            next();
            return node(Kind.INTEGER, tokens.starts[t], tokens.ends[t], t, NONE);
        }
        if (is(t, '(')) {
            return lambdaAhead() ? lambda() : parenthesized();
        }
        if (is(t, '[')) {
            return arrayOrLoop();
        }
        if (is(t, '{')) {
            return object();
        }
        return errorAt(t, "an expression");
    }

    private Node interpolated() {
        int first = next();
        List<Node> parts = parts(4);
        parts.add(node(Kind.STRING, tokens.starts[first], tokens.ends[first], first, NONE));
        while (true) {
            parens++;
            parts.add(expression());
            parens--;
            int t = raw();
            if (tokens.isKind(t, T.STRING_MIDDLE) || tokens.isKind(t, T.STRING_RIGHT)) {
                next();
                parts.add(node(Kind.STRING, tokens.starts[t], tokens.ends[t], t, NONE));
                if (tokens.isKind(t, T.STRING_RIGHT)) {
                    return node(Kind.INTERPOLATED, tokens.starts[first], lastEnd, null, parts);
                }
            } else {
                Node e = errorAt(t, "} to close the interpolation ${...}");
                while (!tokens.isKind(pos, T.EOF) && !tokens.isKind(pos, T.NEWLINE)
                        && !tokens.isKind(pos, T.STRING_RIGHT)) {
                    next();
                }
                if (tokens.isKind(raw(), T.STRING_RIGHT)) {
                    next();
                }
                parts.add(e);
                return node(Kind.INTERPOLATED, tokens.starts[first], lastEnd, null, parts);
            }
        }
    }

    private List<Node> arguments() {
        next(); // (
        parens++;
        List<Node> args = parts(4);
        if (!is(tok(), ')')) {
            while (true) {
                args.add(expression());
                if (!is(tok(), ',')) {
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
        while (tokens.isKind(i, T.IDENTIFIER) || is((i), ',') || tokens.isKind(i, T.NEWLINE)) {
            i++;
        }
        return is((i), ')') && is((i + 1), "=>");
    }

    private Node lambda() {
        int start = tokens.starts[tok()];
        while (!is(raw(), "=>")) {
            next();
        }
        next();
        return node(Kind.LAMBDA, start, lastEnd, null, one(expression()));
    }

    private Node parenthesized() {
        int start = tokens.starts[next()];
        parens++;
        Node inner = expression();
        parens--;
        expect(")");
        return node(Kind.PARENTHESIZED, start, lastEnd, null, one(inner));
    }

    private Node object() {
        int start = tokens.starts[next()];
        int saved = parens;
        parens = 0;
        List<Node> parts = parts(4);
        while (true) {
            skipSeparators();
            int t = raw();
            if (is(t, '}')) {
                next();
                break;
            }
            if (tokens.isKind(t, T.EOF)) {
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
        int t = raw();
        if (is(t, '@') || (isWord(t, "resource") && tokens.isKind(pos + 1, T.IDENTIFIER)
                && isString((pos + 2)))) {
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
        if (is(t, "...")) {
            next();
            return node(Kind.SPREAD, tokens.starts[t], lastEnd, null, one(expression()));
        }
        if (tokens.isKind(t, T.IDENTIFIER) || tokens.isKind(t, T.STRING)) {
            next();
        } else {
            errorAt(t, "a property name");
            skipLine();
            return null;
        }
        expect(":");
        Node value = expression();
        Node n = node(Kind.PROPERTY, tokens.starts[t], lastEnd, t, one(value));
        if (n != SKIPPED) {
            n.keyStart = tokens.starts[t];
        }
        return n;
    }

    private Node arrayOrLoop() {
        int start = tokens.starts[next()];
        int saved = parens;
        parens = 0;
        try {
            skipNewlines();
            if (isWord(raw(), "for")) {
                return loop(start);
            }
            List<Node> items = parts(4);
            while (true) {
                skipSeparators();
                int t = raw();
                if (is(t, ']')) {
                    next();
                    break;
                }
                if (tokens.isKind(t, T.EOF)) {
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
        int from = tokens.starts[tok()];
        if (is(tok(), '(')) {
            while (!is(raw(), ')') && !tokens.isKind(raw(), T.EOF) && !tokens.isKind(raw(), T.NEWLINE)) {
                next();
            }
            expect(")");
        } else if (tokens.isKind(tok(), T.IDENTIFIER)) {
            next();
        } else {
            errorAt(tok(), "the loop's variable");
        }
        String variables = text.substring(from, Math.max(from, lastEnd));
        if (!isWord(tok(), "in")) {
            errorAt(tok(), "in");
        } else {
            next();
        }
        List<Node> parts = parts(2);
        parts.add(expression());
        expect(":");
        parts.add(isWord(tok(), "if") ? condition() : expression());
        skipNewlines();
        expect("]");
        return node(Kind.FOR, start, lastEnd, variables, parts);
    }

    /** After an item of an object or array: a line break, a comma, or the closing bracket. */
    private void afterItem(String close) {
        int t = raw();
        if (!tokens.isKind(t, T.NEWLINE) && !is(t, ',') && !is(t, close) && !tokens.isKind(t, T.EOF)) {
            errorAt(t, "a line break, a comma or " + close);
            skipLine();
        }
    }

    // ---- nodes: made whole, or, inside a skimmed body, read and not kept

    private Node node(Kind kind, int start, int end, String text, List<Node> parts) {
        return build ? new Node(kind, start, end, text, parts) : SKIPPED;
    }

    /** A node whose text is token {@code t}'s: made only when the node is kept. */
    private Node node(Kind kind, int start, int end, int t, List<Node> parts) {
        return build ? new Node(kind, start, end, tokens.text(t), parts) : SKIPPED;
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
            if (pos < tokens.size - 1) {
                diagnostics.add(new Diagnostic(tokens.starts[tok()], "the text nests more than " + MAX_DEPTH
                        + " levels deep;"
                        + " the rest of the file was not read", false));
                pos = tokens.size - 1; // the rest is not read: every loop ends at the end of the file
            }
            return false;
        }
        return true;
    }

    private boolean is(int t, String symbol) {
        return tokens.is(t, T.SYMBOL, symbol);
    }

    private boolean is(int t, char symbol) {
        return tokens.isSymbol(t, symbol);
    }

    private boolean isWord(int t, String word) {
        return tokens.is(t, T.IDENTIFIER, word);
    }

    /** The current token, line breaks skipped inside parentheses. */
    private int tok() {
        while (parens > 0 && tokens.isKind(pos, T.NEWLINE)) {
            pos++;
        }
        return (pos);
    }

    /** The current token, line breaks included. */
    private int raw() {
        return (pos);
    }

    private int next() {
        int t = tok();
        if (!tokens.isKind(t, T.EOF)) {
            pos++;
            if (!tokens.isKind(t, T.NEWLINE)) {
                lastEnd = tokens.ends[t];
            }
        }
        return t;
    }

    private boolean expect(String symbol) {
        if (is(tok(), symbol)) {
            next();
            return true;
        }
        errorAt(tok(), symbol);
        return false;
    }

    private void skipNewlines() {
        while (tokens.isKind(raw(), T.NEWLINE)) {
            pos++;
        }
    }

    private void skipSeparators() {
        while (tokens.isKind(raw(), T.NEWLINE) || is(raw(), ',')) {
            pos++;
        }
    }

    /** After a declaration: the line must end. */
    private void endOfLine(String where) {
        int t = raw();
        if (!tokens.isKind(t, T.NEWLINE) && !tokens.isKind(t, T.EOF)) {
            errorAt(t, "a line break " + where);
            skipLine();
        }
    }

    /** Skips to the end of the line, over whole bracketed groups; stops before a closing bracket it did not open. */
    private void skipLine() {
        int open = 0;
        while (true) {
            int t = raw();
            if (tokens.isKind(t, T.EOF) || (tokens.isKind(t, T.NEWLINE) && open == 0)) {
                return;
            }
            if (is(t, '{') || is(t, '[') || is(t, '(')) {
                open++;
            } else if (is(t, '}') || is(t, ']') || is(t, ')')) {
                if (open == 0) {
                    return;
                }
                open--;
            }
            pos++;
            lastEnd = tokens.isKind(t, T.NEWLINE) ? lastEnd : tokens.ends[t];
        }
    }

    private boolean isString(int t) {
        return tokens.isKind(t, T.STRING) || tokens.isKind(t, T.STRING_LEFT);
    }

    private Node errorAt(int t, String expected) {
        T kind = tokens.kind(t);
        String found = kind == T.EOF ? "the end of the file" : kind == T.NEWLINE ? "the end of the line"
                : isString(t) || tokens.isKind(t, T.STRING_RIGHT) || tokens.isKind(t, T.STRING_MIDDLE) ? "a string"
                : "'" + tokens.text(t) + "'";
        return error(tokens.starts[t], "expected " + expected + " but found " + found);
    }

    private Node error(int offset, String message) {
        if (message != null && (diagnostics.isEmpty() || diagnostics.get(diagnostics.size() - 1).offset != offset)) {
            diagnostics.add(new Diagnostic(offset, message, false));
        }
        return new Node(Kind.ERROR, offset, offset, null, NONE);
    }
}
