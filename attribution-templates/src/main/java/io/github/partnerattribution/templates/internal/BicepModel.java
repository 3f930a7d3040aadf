package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.core.internal.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bicep without a Bicep compiler: the text is read for {@code resource} declarations of type
 * {@code Microsoft.Resources/deployments} and for {@code module}s, and their {@code name} is resolved from string
 * literals, interpolation of {@code var}s and {@code param} defaults, and {@code take(..., n)}. Like
 * {@link JsonModel}, it says what is there; the rules judge it. Not API.
 */
public final class BicepModel implements TrackingModel {
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^[ \\t]*(resource|module)\\s+(\\w+)\\s+'([^']*)'\\s*=\\s*(if\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*)?\\{");
    private static final Pattern SCOPE = Pattern.compile("(?m)^\\s*targetScope\\s*=\\s*'(\\w+)'");
    /** An inline template's {@code resources} that is not empty. */
    private static final Pattern RESOURCES = Pattern.compile("resources\\s*:\\s*\\[\\s*[^\\]\\s]");

    /** Bicep's own limit for a file read by {@code loadJsonContent} or {@code loadTextContent}, about 1 MB. */
    static final int MAX_LOADED_BYTES = 1024 * 1024;
    private static final Pattern PATH = Pattern.compile("(\\w+)((?:\\.\\w+|\\['[^']*'\\])*)");
    private static final Pattern STEP = Pattern.compile("\\.(\\w+)|\\['([^']*)'\\]");
    private static final Pattern LOAD = Pattern.compile(
            "^(?:json\\(\\s*)?(loadJsonContent|loadTextContent)\\(\\s*'([^']*)'\\s*(?:,\\s*'([^']*)'\\s*)?(?:,\\s*'[^']*'\\s*)?\\)(\\s*\\))?$");

    /** A {@code resource} or {@code module} whose name is, may be, or looks meant to be {@code pid-...}. */
    public static final class Declaration extends NameSite {
        private final Position position;
        private final Position name;
        private final Position condition;
        /** Where the declaration's keyword starts and its closing brace ends, and where its name's text stands. */
        int start;
        int end;
        int nameStart;
        int nameEnd;

        Declaration(NameKind kind, String raw, Resolved value, PartnerId id, String guidProblem, boolean mayCount,
                Position position, Position name, Position condition) {
            super(kind, raw, value.known, value.complete, value.rest, id, guidProblem, value.when, value.because,
                    mayCount);
            this.position = position;
            this.name = name;
            this.condition = condition;
        }

        @Override
        public int level() {
            return 0;
        }

        @Override
        public Position position() {
            return position;
        }

        @Override
        public Position namePosition() {
            return name;
        }

        @Override
        public Position condition() {
            return condition;
        }
    }

    /** What is known of a name: its text up to the first unknown part, and why that part is unknown. */
    static final class Resolved {
        final String known;
        final boolean complete;
        final String rest;
        final String when;
        final String because;
        /** The parameter without a default the name opens with, or null. */
        final String opensWith;

        Resolved(String known, boolean complete, String rest, String when, String because) {
            this(known, complete, rest, when, because, null);
        }

        Resolved(String known, boolean complete, String rest, String when, String because, String opensWith) {
            this.known = known;
            this.complete = complete;
            this.rest = rest;
            this.when = when;
            this.because = because;
            this.opensWith = opensWith;
        }

        Resolved because(String why) {
            return new Resolved(known, complete, rest, when, why, opensWith);
        }
    }

    private final String file;
    private final String text;
    private final TemplateRole role;
    private final Path folder;
    private final List<Declaration> candidates = new ArrayList<>();
    private final List<Declaration> sites = new ArrayList<>();
    private final List<PartnerId> ids = new ArrayList<>();
    private final Map<String, Loaded> loaded = new HashMap<>();
    private List<BicepDeclarations.Declaration> declarations;

    private BicepModel(String file, String text, TemplateRole role, Path folder) {
        this.file = file;
        this.text = text;
        this.role = role;
        this.folder = folder;
    }

    /** The same file in another role: what was read is shared, nothing is read again. */
    public BicepModel withRole(TemplateRole other) {
        if (other == role) {
            return this;
        }
        BicepModel t = new BicepModel(file, text, other, folder);
        t.candidates.addAll(candidates);
        t.sites.addAll(sites);
        t.ids.addAll(ids);
        t.declarations = declarations;
        return t;
    }

    /** {@return the file's top-level declarations, read by {@link BicepDeclarations}} */
    public List<BicepDeclarations.Declaration> declarations() {
        if (declarations == null) {
            declarations = BicepDeclarations.of(text);
        }
        return declarations;
    }

    /** {@return each {@code module}'s path, as written, where it stands} */
    public List<LinkRef> links() {
        List<LinkRef> out = new ArrayList<>();
        for (BicepDeclarations.Declaration d : declarations()) {
            if (d.keyword.equals("module") && d.firstString != null) {
                out.add(new LinkRef(LinkRef.Kind.MODULE, d.firstString, d.stringLine, d.stringColumn, null));
            }
        }
        return out;
    }

    /**
     * Whether this is a deployable template: false for a file that only declares types, functions or variables for
     * others to import (nothing a deployment would create or return).
     */
    public boolean deployable() {
        List<BicepDeclarations.Declaration> all = declarations();
        return BicepDeclarations.deployable(all) || !BicepDeclarations.declaresTypesOrFunctions(all);
    }

    /** Reads a Bicep file's text, with no folder to load files from. */
    public static BicepModel of(String file, String text, TemplateRole role) {
        return of(file, text, role, null);
    }

    /**
     * Reads a Bicep file's text; {@code loadJsonContent} and {@code loadTextContent} read their files from
     * {@code folder} (the file's own folder), bounded, UTF-8 only.
     */
    public static BicepModel of(String file, String text, TemplateRole role, Path folder) {
        BicepModel t = new BicepModel(file, text, role, folder);
        t.run();
        return t;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public TemplateRole role() {
        return role;
    }

    /** {@return false for a file of only types or functions: not a template the tracking rules judge} */
    @Override
    public boolean checkable() {
        return deployable();
    }

    @Override
    public Position start() {
        return new Position(1, 1);
    }

    @Override
    public List<Declaration> candidates() {
        return Collections.unmodifiableList(candidates);
    }

    @Override
    public List<Declaration> sites() {
        return Collections.unmodifiableList(sites);
    }

    private void run() {
        Matcher m = DECLARATION.matcher(text);
        while (m.find()) {
            boolean module = m.group(1).equals("module");
            if (!module && !m.group(3).toLowerCase(Locale.ROOT).startsWith("microsoft.resources/deployments@")) {
                continue;
            }
            int open = m.end() - 1;
            int close = closingBrace(open);
            String body = text.substring(open + 1, close < 0 ? text.length() : close);
            Matcher name = Pattern.compile("(?m)^\\s*name\\s*:\\s*(.+?)\\s*$").matcher(body);
            if (!name.find()) {
                continue;
            }
            Position at = position(open + 1 + name.start(1));
            Position condition = m.group(4) == null ? null : position(m.start(4));
            List<Resolved> values = resolveAll(name.group(1).trim());
            boolean empty = module ? deploysNothing(m.group(3)) : !body.contains("templateLink")
                    && !RESOURCES.matcher(body).find();
            for (Resolved value : values) {
                Declaration d = classify(name.group(1), value, empty, position(m.start(1)), at, condition);
                if (d != null) {
                    d.start = m.start(1);
                    d.end = close < 0 ? text.length() : close + 1;
                    d.nameStart = open + 1 + name.start(1);
                    d.nameEnd = open + 1 + name.end(1);
                    candidates.add(d);
                    if (d.mayCount()) {
                        sites.add(d);
                    }
                    if (d.id() != null) {
                        ids.add(d.id());
                    }
                }
            }
        }
    }

    private static Declaration classify(String raw, Resolved value, boolean empty, Position position,
            Position name, Position condition) {
        NameClassifier.Verdict v = NameClassifier.classify(value.known, value.complete, value.rest, value.opensWith,
                value.because, empty);
        return v == null ? null : new Declaration(v.kind, raw, value.because(v.because), v.id, v.guidProblem,
                v.mayCount, position, name, condition);
    }

    /**
     * Whether a module deploys nothing: its file, beside this one, declares no resource and no module (as an
     * {@code _empty.bicep} a partner's tracking module calls). A module from a registry, or one that cannot be read,
     * may deploy anything.
     */
    private boolean deploysNothing(String path) {
        if (folder == null || !path.toLowerCase(Locale.ROOT).endsWith(".bicep") || path.contains(":")) {
            return false;
        }
        try {
            Path target = folder.resolve(path).normalize();
            if (!Files.isRegularFile(target) || Files.size(target) > MAX_LOADED_BYTES) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(target);
            if (Utf8.firstInvalid(bytes, Utf8.hasBom(bytes) ? 3 : 0) >= 0) {
                return false;
            }
            for (BicepDeclarations.Declaration d : BicepDeclarations.of(Utf8.text(bytes))) {
                if (d.keyword.equals("resource") || d.keyword.equals("module")) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The values a name expression can have: one, or one per branch of {@code cond ? a : b}. */
    private List<Resolved> resolveAll(String expression) {
        int question = topLevel(expression, '?', 0);
        int colon = question < 0 ? -1 : topLevel(expression, ':', question + 1);
        if (question > 0 && colon > question) {
            String condition = expression.substring(0, question).trim();
            String shown = condition.length() > 80 ? condition.substring(0, 77) + "..." : condition;
            List<Resolved> out = new ArrayList<>();
            Resolved yes = resolve(expression.substring(question + 1, colon).trim());
            Resolved no = resolve(expression.substring(colon + 1).trim());
            out.add(new Resolved(yes.known, yes.complete, yes.rest, shown + " is true", yes.because, yes.opensWith));
            out.add(new Resolved(no.known, no.complete, no.rest, shown + " is false", no.because, no.opensWith));
            return out;
        }
        return Collections.singletonList(resolve(expression));
    }

    /** Where {@code c} first stands outside strings and brackets, from {@code from}; -1 when it does not. */
    private static int topLevel(String s, char c, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '\'') {
                    inString = false;
                }
            } else if (ch == '\'') {
                inString = true;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The known text of a Bicep name expression, opaque parts cut off, and why the first unknown part is so. */
    private Resolved resolve(String expression) {
        String e = expression.trim();
        Matcher take = Pattern.compile("^take\\((.*),\\s*(\\d+)\\s*\\)$").matcher(e);
        int limit = Integer.MAX_VALUE;
        if (take.matches()) {
            e = take.group(1).trim();
            limit = Integer.parseInt(take.group(2));
        }
        if (e.length() < 2 || e.charAt(0) != '\'' || e.charAt(e.length() - 1) != '\'') {
            return new Resolved("", false, "", null, null, parameterWithoutDefault(e));
        }
        String literal = e.substring(1, e.length() - 1);
        StringBuilder out = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        boolean complete = true;
        String because = null;
        String opensWith = null;
        int i = 0;
        while (i < literal.length()) {
            int open = literal.indexOf("${", i);
            StringBuilder to = complete ? out : rest;
            if (open < 0) {
                to.append(literal, i, literal.length());
                break;
            }
            to.append(literal, i, open);
            int close = literal.indexOf('}', open);
            String[] reason = new String[1];
            String value = close < 0 ? null : value(literal.substring(open + 2, close).trim(), reason);
            if (value == null) {
                if (!complete) {
                    rest.append(Expressions.GAP);
                } else {
                    because = reason[0]; // the first unknown part: what follows is known only as the rest
                    opensWith = out.length() == 0 && close > 0
                            ? parameterWithoutDefault(literal.substring(open + 2, close).trim()) : null;
                }
                complete = false;
                if (close < 0) {
                    break;
                }
            } else {
                to.append(value);
            }
            i = close + 1;
        }
        String known = out.length() > limit ? out.substring(0, limit) : out.toString();
        boolean whole = complete || known.length() == limit;
        return new Resolved(known, whole, whole || limit != Integer.MAX_VALUE ? "" : rest.toString(), null, because,
                opensWith);
    }

    /** {@code name} when it is a {@code param} declared without a default value, else null. */
    private String parameterWithoutDefault(String name) {
        if (!name.matches("\\w+")) {
            return null;
        }
        return Pattern.compile("(?m)^\\s*param\\s+" + name + "\\s+\\w+\\s*(?://.*)?$").matcher(text).find() ? name : null;
    }

    /**
     * The value of an interpolated expression: a {@code var} or {@code param} default that is a literal, or a path
     * into a {@code var} loaded from a file ({@code loadJsonContent}, {@code json(loadTextContent(...))},
     * {@code loadTextContent}). Null when it cannot be told, with the reason in {@code because[0]} when there is one.
     */
    private String value(String expression, String[] because) {
        Matcher path = PATH.matcher(expression);
        if (!path.matches()) {
            return null;
        }
        String definition = definition(path.group(1));
        if (definition == null) {
            return null;
        }
        if (definition.length() >= 2 && definition.startsWith("'") && definition.endsWith("'")
                && definition.indexOf("${") < 0 && path.group(2).isEmpty()) {
            return definition.substring(1, definition.length() - 1);
        }
        Matcher load = LOAD.matcher(definition);
        if (!load.matches() || (definition.startsWith("json") != (load.group(4) != null))) {
            return null;
        }
        boolean json = load.group(1).equals("loadJsonContent") || definition.startsWith("json");
        Loaded file = load(load.group(2), json);
        if (file.problem != null) {
            because[0] = file.problem;
            return null;
        }
        Object content = file.content;
        if (!json) {
            return path.group(2).isEmpty() ? (String) content : null;
        }
        JsonTree.Node node = (JsonTree.Node) content;
        List<String> steps = new ArrayList<>();
        if (load.group(3) != null) {
            Matcher jsonPath = Pattern.compile("^\\$((?:\\.\\w+)*)$").matcher(load.group(3));
            if (!jsonPath.matches()) {
                because[0] = "the JSON path " + Text.quote(load.group(3)) + " is not a plain $.a.b path";
                return null;
            }
            steps.addAll(Arrays.asList(jsonPath.group(1).isEmpty() ? new String[0] : jsonPath.group(1).substring(1).split("\\.")));
        }
        Matcher step = STEP.matcher(path.group(2));
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : step.group(2));
        }
        String walked = path.group(1);
        for (String s : steps) {
            walked += "." + s;
            node = node.kind == JsonTree.Kind.OBJECT ? node.get(s) : null;
            if (node == null) {
                because[0] = load.group(2) + " has no " + walked.substring(walked.indexOf('.') + 1);
                return null;
            }
        }
        if (node.kind != JsonTree.Kind.STRING) {
            because[0] = walked + " in " + load.group(2) + " is not a string";
            return null;
        }
        return node.text();
    }

    /** The right-hand side of {@code var name = ...} or {@code param name type = ...}, or null. */
    private String definition(String name) {
        Matcher m = Pattern.compile("(?m)^\\s*(?:var\\s+" + name + "\\s*=|param\\s+" + name
                + "\\s+\\w+\\s*=)\\s*(.+?)\\s*$").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A file's content, read once per model: its text or its JSON tree, or why it could not be read (then the name
     * that needs it is unresolved, never "malformed").
     */
    private Loaded load(String relative, boolean json) {
        String key = (json ? "json:" : "text:") + relative;
        Loaded cached = loaded.get(key);
        if (cached == null) {
            cached = read(relative, json);
            loaded.put(key, cached);
        }
        return cached;
    }

    private Loaded read(String relative, boolean json) {
        if (folder == null) {
            return Loaded.problem(relative + " cannot be read: the Bicep text was checked without its folder");
        }
        Path target;
        try {
            target = folder.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Loaded.problem(Text.quote(relative) + " is not a path");
        }
        try {
            if (!Files.isRegularFile(target)) {
                return Loaded.problem(relative + " is not there");
            }
            if (Files.size(target) > MAX_LOADED_BYTES) {
                return Loaded.problem(relative + " is over " + MAX_LOADED_BYTES + " bytes, more than Bicep loads");
            }
            byte[] bytes = Files.readAllBytes(target);
            int invalid = Utf8.firstInvalid(bytes, Utf8.hasBom(bytes) ? 3 : 0);
            if (invalid >= 0) {
                return Loaded.problem(relative + " is not UTF-8 (byte offset " + invalid + ")");
            }
            String content = Utf8.text(bytes);
            return new Loaded(json ? JsonTree.parse(content, new ArrayList<JsonTree.Duplicate>()) : content, null);
        } catch (JsonTree.SyntaxError e) {
            return Loaded.problem(relative + " is not valid JSON (line " + e.line + ", column " + e.column + ")");
        } catch (java.io.IOException e) {
            return Loaded.problem(relative + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A loaded file: its text or JSON tree, or the problem that kept it from being read. */
    private static final class Loaded {
        final Object content;
        final String problem;

        Loaded(Object content, String problem) {
            this.content = content;
            this.problem = problem;
        }

        static Loaded problem(String why) {
            return new Loaded(null, why);
        }
    }

    /** {@return the text as read} */
    String text() {
        return text;
    }

    /** {@return whether a tracking declaration names this id} */
    public boolean holds(PartnerId id) {
        return ids.contains(id);
    }

    /** {@return the ids of the tracking declarations, in file order} */
    public List<PartnerId> ids() {
        return Collections.unmodifiableList(ids);
    }

    /** The text with a tracking resource appended, in the file's line endings and indentation. */
    public static String withTrackingResource(Path path, String text, PartnerId id, String apiVersion) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        Matcher indented = Pattern.compile("(?m)^([ \\t]+)\\S").matcher(text);
        String unit = indented.find() ? indented.group(1) : "  ";
        Matcher scope = SCOPE.matcher(text);
        boolean needsLocation = scope.find() && !scope.group(1).equals("resourceGroup");
        String symbol = "partnerAttribution";
        for (int i = 2; Pattern.compile("(?m)^\\s*(resource|module|var|param|output)\\s+" + symbol + "\\b").matcher(text).find(); i++) {
            symbol = "partnerAttribution" + i;
        }
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            b.append(nl);
        }
        b.append(nl)
                .append("resource ").append(symbol).append(" 'Microsoft.Resources/deployments@").append(apiVersion)
                .append("' = {").append(nl)
                .append(unit).append("name: '").append(id.token()).append('\'').append(nl);
        if (needsLocation) {
            b.append(unit).append("location: deployment().location").append(nl);
        }
        b.append(unit).append("properties: {").append(nl)
                .append(unit).append(unit).append("mode: 'Incremental'").append(nl)
                .append(unit).append(unit).append("template: {").append(nl)
                .append(unit).append(unit).append(unit)
                .append("'$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'")
                .append(nl)
                .append(unit).append(unit).append(unit).append("contentVersion: '1.0.0.0'").append(nl)
                .append(unit).append(unit).append(unit).append("resources: []").append(nl)
                .append(unit).append(unit).append('}').append(nl)
                .append(unit).append('}').append(nl)
                .append('}').append(nl);
        return text + b;
    }

    private int closingBrace(int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    inString = false;
                }
            } else if (c == '\'') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private Position position(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }
}
