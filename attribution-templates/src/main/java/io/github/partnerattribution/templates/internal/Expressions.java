package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.internal.JsonTree.Kind;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Static evaluation of the ARM template expressions partners write deployment names with: string literals,
 * {@code concat}, {@code format}, {@code variables}, {@code parameters} (default values), property and index
 * access, {@code take}, {@code toLower}, {@code toUpper}, {@code substring}, {@code replace}, {@code string}, and
 * {@code uniqueString} and {@code guid} as opaque parts of known length, and {@code if(condition, a, b)} as the set of
 * values it can produce, each with the branch it comes from. Anything else is unknown: the evaluator never guesses.
 * Not API.
 */
public final class Expressions {
    /** Stands for one character whose value is unknown but whose presence is (from uniqueString or guid). */
    public static final char OPAQUE = '\uFFFF';
    /** In {@link Value#rest}: stands for a part whose value, and length, are unknown. */
    public static final char GAP = '\uFFFE';
    private static final int MAX_DEPTH = 64;
    /** At most this many values from {@code if}s; a name with more is unknown. */
    static final int MAX_BRANCHES = 16;

    private final Node template;
    /** Whether a parameter with {@code allowedValues} is each of them (for links) rather than its default (names). */
    private final boolean eachAllowedValue;
    private int depth;
    /** Set when some {@code if} made more than {@link #MAX_BRANCHES} values: then the whole value is unknown. */
    private boolean tooManyBranches;

    private Expressions(Node template) {
        this(template, false);
    }

    private Expressions(Node template, boolean eachAllowedValue) {
        this.template = template;
        this.eachAllowedValue = eachAllowedValue;
    }

    /**
     * The value of a template string: an expression when written {@code [...]}, else the literal itself. A value
     * chosen by {@code if} is unknown here: see {@link #evaluateAll}.
     */
    public static Value evaluate(String raw, Node template) {
        Expressions e = new Expressions(template);
        Value v = e.string(raw);
        return v.alternatives == null && !e.tooManyBranches ? v : Value.UNKNOWN;
    }

    /**
     * Every value a template string can have: one, or one per branch of the {@code if}s it goes through (at most
     * {@value #MAX_BRANCHES}), each with {@link Value#when} saying which branch.
     */
    public static List<Value> evaluateAll(String raw, Node template) {
        Expressions e = new Expressions(template);
        Value v = e.string(raw);
        return e.tooManyBranches ? Value.TOO_MANY_BRANCHES.leaves() : v.leaves();
    }

    /**
     * Every value a link ({@code templateLink.uri} or {@code relativePath}) can have: as {@link #evaluateAll}, and a
     * parameter with {@code allowedValues} is each of its values (a deployer may choose any), and {@code uri(base,
     * relative)} is evaluated as ARM does.
     */
    public static List<Value> evaluateLink(String raw, Node template) {
        Expressions e = new Expressions(template, true);
        Value v = e.string(raw);
        return e.tooManyBranches ? Value.UNKNOWN.leaves() : v.leaves();
    }

    /**
     * The evaluator's functions, operators and values for another front end's syntax (Bicep's), which resolves its own
     * symbols and hands the values here: the same {@code concat}, {@code format}, {@code take}, {@code if} and the rest
     * as JSON templates get.
     *
     * @param eachAllowedValue whether values are evaluated for links (then a parameter is each of its allowed values)
     */
    static Expressions functions(boolean eachAllowedValue) {
        return new Expressions(null, eachAllowedValue);
    }

    /** {@return whether values are evaluated for links} */
    boolean forLinks() {
        return eachAllowedValue;
    }

    /** A function's value from its arguments' values; a function it does not know is unknown. */
    Value apply(String function, List<Value> args) {
        return call(function.toLowerCase(Locale.ROOT), args);
    }

    /** Both values of a condition, each marked with its branch ({@code condition is true}). */
    Value either(String condition, Value whenTrue, Value whenFalse) {
        return choice(condition, whenTrue, whenFalse);
    }

    /** Several values, each marked with its branch; unknown past the branch bound. */
    Value branches(List<Value> leaves) {
        return bounded(leaves);
    }

    /** One value per allowed value of a parameter, each marked with it; unknown past the branch bound. */
    Value each(String parameter, List<String> allowed) {
        List<Value> leaves = new ArrayList<>();
        for (String value : allowed) {
            leaves.add(Value.of(value).when(parameter + " is '" + value + "'"));
        }
        return bounded(leaves);
    }

    /** {@code target.name}, for a value that holds a JSON object. */
    Value property(Value target, String name) {
        return member(target, name);
    }

    /** {@code target[index]}, for a value that holds a JSON array. */
    Value element(Value target, long index) {
        return item(target, index);
    }

    /** {@return the leaves of a value: unknown as a whole when some condition made too many} */
    List<Value> leavesOf(Value v) {
        return tooManyBranches ? Value.TOO_MANY_BRANCHES.leaves() : v.leaves();
    }

    /** What is known of a string value. */
    public static final class Value {
        static final Value UNKNOWN = new Value("", false, Integer.MAX_VALUE, null, null);
        static final Value TOO_MANY_BRANCHES = new Value("", false, Integer.MAX_VALUE, null, null, null, null, "",
                null, "it takes more than " + MAX_BRANCHES + " values through if(...)");

        /** The value of a parameter the deployer must give (no default): unknown, and known to come from it. */
        static Value parameter(String name) {
            return new Value("", false, Integer.MAX_VALUE, null, null, null, null, "", name);
        }

        /** The known text from the start; {@link #OPAQUE} for characters only known to exist. */
        public final String known;
        /** Whether {@link #known} is the whole value. */
        public final boolean complete;
        /** An upper bound of the length. */
        public final int maxLength;
        /**
         * What is known after the first unknown part, each further unknown part written {@link #GAP}: in
         * {@code concat(parameters('prefix'), '-pid-<guid>')}, {@code known} is empty and this is {@code -pid-<guid>}.
         */
        public final String rest;
        /** Which branch of an {@code if} this value comes from, such as {@code x is true}; null when none. */
        public final String when;
        final Node node;
        final Long number;
        /** The values an {@code if} can produce, each a leaf; null for one value. */
        final List<Value> alternatives;
        /**
         * When the value opens with a part the deployer supplies (a parameter without a default, nothing known before
         * it): that parameter's name; else null.
         */
        public final String opensWithParameter;
        /** Why nothing of the value is known, when that is worth saying; else null. */
        public final String because;

        Value(String known, boolean complete, int maxLength, Node node, Long number) {
            this(known, complete, maxLength, node, number, null, null, "");
        }

        private Value(String known, boolean complete, int maxLength, Node node, Long number, String when,
                List<Value> alternatives, String rest) {
            this(known, complete, maxLength, node, number, when, alternatives, rest, null);
        }

        private Value(String known, boolean complete, int maxLength, Node node, Long number, String when,
                List<Value> alternatives, String rest, String opensWithParameter) {
            this(known, complete, maxLength, node, number, when, alternatives, rest, opensWithParameter, null);
        }

        private Value(String known, boolean complete, int maxLength, Node node, Long number, String when,
                List<Value> alternatives, String rest, String opensWithParameter, String because) {
            this.because = because;
            this.opensWithParameter = complete || !known.isEmpty() ? null : opensWithParameter;
            this.known = known;
            this.rest = complete ? "" : rest;
            this.complete = complete;
            this.maxLength = complete ? known.length() : maxLength;
            this.node = node;
            this.number = number;
            this.when = when;
            this.alternatives = alternatives;
        }

        /** The same value, from the branch {@code when} (joined to the one it already has). */
        Value when(String branch) {
            if (branch == null) {
                return this;
            }
            String joined = when == null ? branch : branch + " and " + when;
            return new Value(known, complete, maxLength, node, number, joined, null, rest, opensWithParameter);
        }

        /** The same value without its branch. */
        Value bare() {
            return new Value(known, complete, maxLength, node, number, null, null, rest, opensWithParameter);
        }

        /** One value per branch: unknown as a whole, known in its leaves. */
        static Value branches(List<Value> leaves) {
            return new Value("", false, Integer.MAX_VALUE, null, null, null, leaves, "");
        }

        List<Value> leaves() {
            return alternatives == null ? java.util.Collections.singletonList(this) : alternatives;
        }

        static Value of(String text) {
            return new Value(text, true, text.length(), null, null);
        }

        /** A value unknown for a reason worth saying (a file that cannot be read). */
        static Value because(String why) {
            return new Value("", false, Integer.MAX_VALUE, null, null, null, null, "", null, why);
        }

        static Value number(long n) {
            String digits = Long.toString(n);
            return new Value(digits, true, digits.length(), null, n);
        }

        /** A JSON value (an object or array loaded from a file): no text, but its members can be read. */
        static Value json(Node node) {
            return node.kind == Kind.STRING ? of(node.text()) : new Value("", false, Integer.MAX_VALUE, node, null);
        }

        static Value partial(String known, int maxLength) {
            return new Value(known, false, Math.max(maxLength, known.length()), null, null);
        }

        /** Whether every character is known (no opaque part). */
        public boolean isLiteral() {
            return complete && known.indexOf(OPAQUE) < 0;
        }
    }

    private Value string(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '[' && raw.charAt(raw.length() - 1) == ']') {
            if (raw.startsWith("[[")) {
                return Value.of(raw.substring(1)); // an escaped literal bracket
            }
            if (++depth > MAX_DEPTH) {
                return Value.UNKNOWN;
            }
            try {
                Parser p = new Parser(raw, 1, raw.length() - 1);
                Value v = p.expression();
                p.skipSpace();
                return p.at == p.end ? v : Value.UNKNOWN;
            } catch (IllegalArgumentException malformed) {
                return Value.UNKNOWN;
            } finally {
                depth--;
            }
        }
        return Value.of(raw);
    }

    private Value ofNode(Node node) {
        if (node == null) {
            return Value.UNKNOWN;
        }
        if (node.kind == Kind.STRING) {
            return string(node.text());
        }
        if (node.kind == Kind.NUMBER) {
            try {
                return new Value(node.text(), true, node.text().length(), null, Long.parseLong(node.text()));
            } catch (NumberFormatException e) {
                return Value.of(node.text());
            }
        }
        return new Value("", false, Integer.MAX_VALUE, node, null);
    }

    private final class Parser {
        final String s;
        int at;
        final int end;

        Parser(String s, int start, int end) {
            this.s = s;
            this.at = start;
            this.end = end;
        }

        void skipSpace() {
            while (at < end && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        boolean take(char c) {
            skipSpace();
            if (at < end && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!take(c)) {
                throw new IllegalArgumentException("expected " + c);
            }
        }

        Value expression() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("too deep");
            }
            try {
                Value v = primary();
                while (true) {
                    if (take('.')) {
                        v = member(v, identifier());
                    } else if (take('[')) {
                        skipSpace();
                        // for a link, a key that is not written as a literal is any key the deployer may give
                        boolean written = at < end && (s.charAt(at) == '\'' || Character.isDigit(s.charAt(at)));
                        Value index = expression();
                        expect(']');
                        v = index.number != null ? item(v, index.number) : member(v, index.isLiteral()
                                && (written || !eachAllowedValue) ? index.known : null);
                    } else {
                        return v;
                    }
                }
            } finally {
                depth--;
            }
        }

        Value primary() {
            skipSpace();
            if (at >= end) {
                throw new IllegalArgumentException("empty");
            }
            char c = s.charAt(at);
            if (c == '\'') {
                StringBuilder out = new StringBuilder();
                at++;
                while (true) {
                    if (at >= end) {
                        throw new IllegalArgumentException("unterminated string");
                    }
                    char ch = s.charAt(at++);
                    if (ch == '\'') {
                        if (at < end && s.charAt(at) == '\'') {
                            out.append('\'');
                            at++;
                        } else {
                            return Value.of(out.toString());
                        }
                    } else {
                        out.append(ch);
                    }
                }
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = at++;
                while (at < end && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                String digits = s.substring(start, at);
                try {
                    return new Value(digits, true, digits.length(), null, Long.parseLong(digits));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("number");
                }
            }
            String name = identifier();
            skipSpace();
            if (at < end && s.charAt(at) == '.') {
                at++; // a user-defined function: namespace.name(...)
                name = name + "." + identifier();
            }
            expect('(');
            List<Value> args = new ArrayList<>();
            String first = null;
            if (!take(')')) {
                do {
                    skipSpace();
                    int from = at;
                    args.add(expression());
                    if (first == null) {
                        first = s.substring(from, at).trim();
                    }
                } while (take(','));
                expect(')');
            }
            if (name.equalsIgnoreCase("if") && args.size() == 3) {
                return choice(first, args.get(1), args.get(2));
            }
            return call(name.toLowerCase(Locale.ROOT), args);
        }

        String identifier() {
            skipSpace();
            int start = at;
            while (at < end && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("identifier");
            }
            return s.substring(start, at);
        }
    }

    /** Both values of {@code if(condition, a, b)}, each marked with its branch; the condition is not evaluated. */
    private Value bounded(List<Value> leaves) {
        if (leaves.size() > MAX_BRANCHES) {
            tooManyBranches = true;
            return Value.UNKNOWN;
        }
        return Value.branches(leaves);
    }

    private Value choice(String condition, Value whenTrue, Value whenFalse) {
        String shown = condition.length() > 80 ? condition.substring(0, 77) + "..." : condition;
        List<Value> leaves = new ArrayList<>();
        for (Value v : whenTrue.leaves()) {
            leaves.add(v.when(shown + " is true"));
        }
        for (Value v : whenFalse.leaves()) {
            leaves.add(v.when(shown + " is false"));
        }
        return bounded(leaves);
    }

    private Value member(Value target, String name) {
        if (name == null && eachAllowedValue && target.node != null && target.node.kind == Kind.OBJECT
                && !target.node.members().isEmpty()) {
            // an object indexed by a key known only at deployment: for a link, each of its values may be the one
            List<Value> leaves = new ArrayList<>();
            for (JsonTree.Member m : target.node.members()) {
                for (Value v : ofNode(m.value).leaves()) {
                    leaves.add(v.when("the key is '" + m.name + "'"));
                }
            }
            return bounded(leaves);
        }
        if (name == null || target.node == null || target.node.kind != Kind.OBJECT) {
            return Value.UNKNOWN;
        }
        return ofNode(target.node.get(name));
    }

    /**
     * Whether a parameter's default, for a link, stands for any value: an empty string (a base URL the deployer
     * gives) or {@code new}/{@code existing} without {@code allowedValues} (the UI definition offers the other).
     */
    static boolean openForLinks(Value value) {
        if (!value.isLiteral()) {
            return false;
        }
        String v = value.known;
        return v.isEmpty() || v.equalsIgnoreCase("new") || v.equalsIgnoreCase("existing");
    }

    /** {@code target[key]} for a key known only at deployment: each value of an object, for links; else unknown. */
    Value anyMember(Value target) {
        return member(target, null);
    }

    private Value item(Value target, long index) {
        if (target.node == null || target.node.kind != Kind.ARRAY || index < 0 || index >= target.node.items().size()) {
            return Value.UNKNOWN;
        }
        return ofNode(target.node.items().get((int) index));
    }

    private Value call(String function, List<Value> args) {
        for (int k = 0; k < args.size(); k++) {
            if (args.get(k).alternatives != null) {
                // a function of an if(...): its value on each branch
                List<Value> leaves = new ArrayList<>();
                for (Value alternative : args.get(k).alternatives) {
                    List<Value> one = new ArrayList<>(args);
                    one.set(k, alternative.bare());
                    for (Value leaf : call(function, one).leaves()) {
                        leaves.add(leaf.when(alternative.when));
                        if (leaves.size() > MAX_BRANCHES) {
                            return bounded(leaves);
                        }
                    }
                }
                return bounded(leaves);
            }
        }
        switch (function) {
            case "concat":
                return concat(args);
            case "format":
                return format(args);
            case "variables":
                return args.size() == 1 && args.get(0).isLiteral() && template != null && template.get("variables") != null
                        ? ofNode(template.get("variables").get(args.get(0).known)) : Value.UNKNOWN;
            case "parameters": {
                if (args.size() != 1 || !args.get(0).isLiteral()) {
                    return Value.UNKNOWN;
                }
                String name = args.get(0).known;
                Node parameters = template == null ? null : template.get("parameters");
                Node parameter = parameters == null ? null : parameters.get(name);
                if (parameter == null) {
                    return Value.parameter(name);
                }
                Node allowed = parameter.get("allowedValues");
                if (eachAllowedValue && allowed != null && allowed.kind == Kind.ARRAY && !allowed.items().isEmpty()) {
                    List<Value> leaves = new ArrayList<>();
                    for (Node value : allowed.items()) {
                        if (value.kind != Kind.STRING) {
                            return Value.UNKNOWN;
                        }
                        leaves.add(Value.of(value.text()).when("parameters('" + name + "') is '" + value.text() + "'"));
                    }
                    return bounded(leaves);
                }
                Value value = ofNode(parameter.get("defaultValue"));
                // a default that is not known at all is a value the deployer may give
                if (value.node == null && !value.complete && value.known.isEmpty()) {
                    return Value.parameter(name);
                }
                return eachAllowedValue && openForLinks(value) ? Value.parameter(name) : value;
            }
            case "uri":
                return args.size() == 2 ? uri(args.get(0), args.get(1)) : Value.UNKNOWN;
            case "take":
                return args.size() == 2 && args.get(1).number != null ? take(args.get(0), args.get(1).number) : Value.UNKNOWN;
            case "tolower":
            case "toupper":
                return args.size() == 1 ? recase(args.get(0), function.equals("tolower")) : Value.UNKNOWN;
            case "uniquestring":
                return Value.of(repeat(13));
            case "guid":
                return Value.of(repeat(36));
            case "string":
                return args.size() == 1 && args.get(0).node == null ? args.get(0) : Value.UNKNOWN;
            case "substring":
                return substring(args);
            case "replace":
                return args.size() == 3 && args.get(0).isLiteral() && args.get(1).isLiteral() && args.get(2).isLiteral()
                        && !args.get(1).known.isEmpty()
                        ? Value.of(args.get(0).known.replace(args.get(1).known, args.get(2).known)) : Value.UNKNOWN;
            default:
                return Value.UNKNOWN;
        }
    }

    private static Value concat(List<Value> parts) {
        StringBuilder known = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        long max = 0;
        boolean complete = true;
        String because = null;
        for (Value part : parts) {
            if (part.node != null) {
                return Value.UNKNOWN;
            }
            if (complete && !part.complete) {
                because = part.because; // why the first unknown part is unknown
            }
            if (complete) {
                known.append(part.known);
                rest.append(part.rest);
            } else {
                rest.append(part.known).append(part.complete ? "" : GAP + part.rest);
            }
            complete &= part.complete;
            max += part.maxLength;
        }
        if (complete) {
            return Value.of(known.toString());
        }
        Value partial = Value.partial(known.toString(), (int) Math.min(max, Integer.MAX_VALUE));
        String opens = parts.isEmpty() ? null : parts.get(0).opensWithParameter;
        return new Value(partial.known, false, partial.maxLength, null, null, null, null, rest.toString(), opens,
                because);
    }

    /**
     * ARM's {@code uri(base, relative)}: the relative URI against the base's last folder. With a base that is not
     * known (the template's own link, an artifacts location), the folder is a gap and the relative part is kept.
     */
    private static Value uri(Value base, Value relative) {
        if (base.node != null || relative.node != null) {
            return Value.UNKNOWN;
        }
        if (base.complete && relative.known.indexOf("://") < 0) {
            String folder = base.known.substring(0, base.known.lastIndexOf('/') + 1);
            return concat(java.util.Arrays.asList(Value.of(folder), relative));
        }
        if (relative.known.contains("://")) {
            return relative;
        }
        return concat(java.util.Arrays.asList(base.complete ? Value.of(base.known) : Value.UNKNOWN,
                Value.of(relative.known.startsWith("/") ? "" : "/"), relative));
    }

    private static Value format(List<Value> args) {
        if (args.isEmpty() || !args.get(0).isLiteral()) {
            return Value.UNKNOWN;
        }
        String pattern = args.get(0).known;
        List<Value> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                literal.append('{');
                i++;
            } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                literal.append('}');
                i++;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0 || !pattern.substring(i + 1, close).matches("\\d+")) {
                    return Value.UNKNOWN; // format specifiers are not evaluated
                }
                int index = Integer.parseInt(pattern.substring(i + 1, close)) + 1;
                if (index >= args.size()) {
                    return Value.UNKNOWN;
                }
                parts.add(Value.of(literal.toString()));
                literal.setLength(0);
                parts.add(args.get(index));
                i = close;
            } else {
                literal.append(c);
            }
        }
        parts.add(Value.of(literal.toString()));
        return concat(parts);
    }

    private static Value take(Value v, long n) {
        if (v.node != null || n < 0) {
            return Value.UNKNOWN;
        }
        int count = (int) Math.min(n, Integer.MAX_VALUE);
        if (v.known.length() >= count) {
            return Value.of(v.known.substring(0, count));
        }
        if (v.complete) {
            return v;
        }
        // what follows the first unknown part is cut off somewhere unknown: only the known start, and why, are kept
        return new Value(v.known, false, Math.max(Math.min(v.maxLength, count), v.known.length()), null, null, null,
                null, "", v.opensWithParameter, v.because);
    }

    private static Value recase(Value v, boolean lower) {
        if (v.node != null) {
            return Value.UNKNOWN;
        }
        StringBuilder out = new StringBuilder(v.known.length());
        for (int i = 0; i < v.known.length(); i++) {
            char c = v.known.charAt(i);
            out.append(c == OPAQUE ? c : lower ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        String rest = lower ? v.rest.toLowerCase(Locale.ROOT) : v.rest.toUpperCase(Locale.ROOT);
        return new Value(out.toString(), v.complete, v.maxLength, null, null, null, null, rest, v.opensWithParameter);
    }

    private static Value substring(List<Value> args) {
        if (args.size() < 2 || args.get(1).number == null || (args.size() == 3 && args.get(2).number == null)) {
            return Value.UNKNOWN;
        }
        Value v = args.get(0);
        long start = args.get(1).number;
        Long length = args.size() == 3 ? args.get(2).number : null;
        if (v.complete && start >= 0 && start <= v.known.length()
                && (length == null || (length >= 0 && start + length <= v.known.length()))) {
            return Value.of(v.known.substring((int) start, length == null ? v.known.length() : (int) (start + length)));
        }
        return length == null ? Value.UNKNOWN : Value.partial("", (int) Math.min(Math.max(length, 0), Integer.MAX_VALUE));
    }

    private static String repeat(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(OPAQUE);
        }
        return out.toString();
    }
}
