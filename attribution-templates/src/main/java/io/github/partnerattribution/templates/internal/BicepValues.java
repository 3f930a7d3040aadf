package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.internal.BicepSyntax.Declaration;
import io.github.partnerattribution.templates.internal.BicepSyntax.Kind;
import io.github.partnerattribution.templates.internal.BicepSyntax.Node;
import io.github.partnerattribution.templates.internal.Expressions.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bicep expressions evaluated by the evaluator JSON templates use ({@link Expressions}): this class resolves Bicep's
 * own symbols ({@code var}s, {@code param}s with their defaults and {@code @allowed} values, object literals and
 * {@code loadJsonContent}/{@code loadTextContent} files) and hands every function, interpolation and {@code ? :} to
 * it. Deployment-time values ({@code uniqueString(...)}, {@code resourceGroup().location}, a loop's variable) are
 * gaps, as in JSON. Not API.
 */
final class BicepValues {
    private static final int MAX_DEPTH = 64;

    private final BicepSyntax.File file;
    private final BicepModel.Loader loader;
    private final Expressions functions;
    private final Map<String, Declaration> symbols = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    /** Where a loaded JSON value comes from: the file and the path to it, for the reason a property is missing. */
    private final Map<JsonTree.Node, String[]> origins = new IdentityHashMap<>();
    private int depth;

    BicepValues(BicepSyntax.File file, BicepModel.Loader loader, boolean forLinks) {
        this.file = file;
        this.loader = loader;
        this.functions = Expressions.functions(forLinks);
        for (Declaration d : file.declarations) {
            if ((d.keyword.equals("var") || d.keyword.equals("param")) && !symbols.containsKey(d.symbol)) {
                symbols.put(d.symbol, d);
            }
        }
    }

    /** Every value an expression can have: one, or one per branch of its {@code ? :}s. */
    List<Value> all(Node expression) {
        return functions.leavesOf(value(expression));
    }

    Value value(Node n) {
        if (n == null || ++depth > MAX_DEPTH) {
            depth--;
            return Expressions.Value.UNKNOWN;
        }
        try {
            return evaluate(n);
        } finally {
            depth--;
        }
    }

    private Value evaluate(Node n) {
        switch (n.kind) {
            case STRING:
                return Value.of(n.text);
            case INTEGER:
                try {
                    return Value.number(Long.parseLong(n.text));
                } catch (NumberFormatException e) {
                    return Value.UNKNOWN;
                }
            case INTERPOLATED: {
                List<Value> parts = new ArrayList<>(n.parts.size());
                for (Node p : n.parts) {
                    parts.add(value(p));
                }
                return functions.apply("concat", parts);
            }
            case PARENTHESIZED:
                return value(n.part(0));
            case IDENTIFIER:
                return symbol(n.text);
            case TERNARY: {
                String condition = file.source(n.part(0)).trim();
                String shown = condition.length() > 80 ? condition.substring(0, 77) + "..." : condition;
                return functions.either(shown, value(n.part(1)), value(n.part(2)));
            }
            case MEMBER: {
                Node object = objectOf(n.part(0));
                if (object != null) {
                    return value(object.get(n.text));
                }
                return property(value(n.part(0)), n.text);
            }
            case INDEX:
                return index(n);
            case CALL:
                return call(n);
            default:
                return Value.UNKNOWN;
        }
    }

    private Value index(Node n) {
        Value index = value(n.part(1));
        Node target = n.part(0);
        Node object = objectOf(target);
        boolean written = n.part(1).kind == Kind.STRING || n.part(1).kind == Kind.INTEGER;
        if (object != null) {
            if (index.isLiteral() && (written || !functions.forLinks())) {
                return value(object.get(index.known));
            }
            if (!functions.forLinks()) {
                return Value.UNKNOWN;
            }
            // a key known only at deployment: for a link, each value of the object may be the one
            List<Value> leaves = new ArrayList<>();
            for (Node p : object.parts) {
                if (p.kind != Kind.PROPERTY) {
                    return Value.UNKNOWN;
                }
                for (Value v : value(p.part(0)).leaves()) {
                    leaves.add(v.when("the key is '" + p.text + "'"));
                }
            }
            return functions.branches(leaves);
        }
        Node array = arrayOf(target);
        if (array != null) {
            return index.number != null && index.number >= 0 && index.number < array.parts.size()
                    ? value(array.parts.get((int) (long) index.number)) : Value.UNKNOWN;
        }
        Value v = value(target);
        return index.number != null ? functions.element(v, index.number)
                : index.isLiteral() && (written || !functions.forLinks()) ? property(v, index.known)
                : functions.forLinks() ? functions.anyMember(v)
                : Value.UNKNOWN;
    }

    /**
     * A property of a value: of a file's JSON, with the file and path named when it has none; a value unknown for a
     * reason stays unknown for it.
     */
    private Value property(Value target, String name) {
        if (target.node == null) {
            return target.because != null && !target.complete ? Value.because(target.because) : Value.UNKNOWN;
        }
        String[] origin = origins.get(target.node);
        JsonTree.Node child = target.node.kind == JsonTree.Kind.OBJECT ? target.node.get(name) : null;
        if (origin == null) {
            return functions.property(target, name);
        }
        String walked = origin[1].isEmpty() ? name : origin[1] + "." + name;
        if (child == null) {
            return Value.because(origin[0] + " has no " + walked);
        }
        origins.put(child, new String[] {origin[0], walked});
        return Value.json(child);
    }

    /** A {@code var} or {@code param}; anything else (a resource, a loop's variable) is a value of the deployment. */
    private Value symbol(String name) {
        Declaration d = symbols.get(name);
        if (d == null || !evaluating.add(name)) {
            return Value.UNKNOWN;
        }
        try {
            if (d.keyword.equals("var")) {
                return value(d.value);
            }
            Node allowed = d.decorator("allowed");
            if (functions.forLinks() && allowed != null && allowed.parts.size() == 1
                    && allowed.part(0).kind == Kind.ARRAY && !allowed.part(0).parts.isEmpty()) {
                List<String> values = new ArrayList<>();
                for (Node item : allowed.part(0).parts) {
                    if (item.kind != Kind.STRING) {
                        return Value.UNKNOWN;
                    }
                    values.add(item.text);
                }
                return functions.each(name, values);
            }
            if (d.value == null) {
                return Value.parameter(name);
            }
            Value v = value(d.value);
            // a default that is not known at all is a value the deployer may give
            return (v.node == null && !v.complete && v.known.isEmpty() && v.alternatives == null)
                    || (functions.forLinks() && Expressions.openForLinks(v)) ? Value.parameter(name) : v;
        } finally {
            evaluating.remove(name);
        }
    }

    private Value call(Node n) {
        String name = n.text.toLowerCase(Locale.ROOT);
        if (name.startsWith("sys.")) {
            name = name.substring(4);
        }
        if (name.equals("loadjsoncontent") || name.equals("loadtextcontent")) {
            return load(n, name.equals("loadjsoncontent"));
        }
        if (name.equals("json") && n.parts.size() == 1 && n.part(0).kind == Kind.CALL
                && n.part(0).text.equalsIgnoreCase("loadTextContent")) {
            return load(n.part(0), true);
        }
        List<Value> args = new ArrayList<>(n.parts.size());
        for (Node p : n.parts) {
            args.add(value(p));
        }
        return functions.apply(name, args);
    }

    /** {@code loadJsonContent('file', '$.a.b')}, {@code loadTextContent('file')}: the file's value, read once. */
    private Value load(Node call, boolean json) {
        Node path = call.part(0);
        if (path == null || path.kind != Kind.STRING) {
            return Value.UNKNOWN;
        }
        Loaded file = loader.load(path.text, json);
        if (file.problem != null) {
            return Value.because(file.problem);
        }
        if (!json) {
            return Value.of((String) file.content);
        }
        JsonTree.Node node = (JsonTree.Node) file.content;
        String walkedPath = "";
        Node jsonPath = call.part(1);
        if (jsonPath != null) {
            if (jsonPath.kind != Kind.STRING || !jsonPath.text.startsWith("$")) {
                return Value.because("the JSON path " + Text.quote(file(jsonPath)) + " is not a plain $.a.b path");
            }
            String walked = "";
            for (String step : steps(jsonPath.text)) {
                walked += (walked.isEmpty() ? "" : ".") + step;
                node = step.isEmpty() || node.kind != JsonTree.Kind.OBJECT ? null : node.get(step);
                if (node == null) {
                    return Value.because(path.text + " has no " + walked);
                }
            }
            walkedPath = walked;
        }
        origins.put(node, new String[] {path.text, walkedPath});
        return Value.json(node);
    }

    private String file(Node n) {
        return file.source(n);
    }

    /** {@code $.a.b} as its steps {@code a}, {@code b}; an empty step where the path is not that plain. */
    private static List<String> steps(String path) {
        List<String> out = new ArrayList<>();
        if (path.length() == 1) {
            return out;
        }
        if (path.charAt(1) != '.') {
            out.add("");
            return out;
        }
        int from = 2;
        for (int dot = path.indexOf('.', from); ; dot = path.indexOf('.', from)) {
            String step = path.substring(from, dot < 0 ? path.length() : dot);
            for (int i = 0; i < step.length(); i++) {
                char c = step.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                    step = "";
                    break;
                }
            }
            out.add(step);
            if (dot < 0) {
                return out;
            }
            from = dot + 1;
        }
    }

    /** The object literal an expression names: written there, or a variable's value; null when it is none. */
    private Node objectOf(Node n) {
        Node target = literal(n, 0);
        return target != null && target.kind == Kind.OBJECT ? target : null;
    }

    private Node arrayOf(Node n) {
        Node target = literal(n, 0);
        return target != null && target.kind == Kind.ARRAY ? target : null;
    }

    /** Through parentheses, variables and members of object literals, to the literal an expression stands for. */
    private Node literal(Node n, int steps) {
        if (n == null || steps > MAX_DEPTH) {
            return null;
        }
        switch (n.kind) {
            case PARENTHESIZED:
                return literal(n.part(0), steps + 1);
            case IDENTIFIER: {
                Declaration d = symbols.get(n.text);
                return d != null && d.keyword.equals("var") ? literal(d.value, steps + 1) : null;
            }
            case MEMBER: {
                Node object = literal(n.part(0), steps + 1);
                return object != null && object.kind == Kind.OBJECT ? literal(object.get(n.text), steps + 1) : null;
            }
            case OBJECT:
            case ARRAY:
                return n;
            default:
                return null;
        }
    }
}
