package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.internal.Expressions.Value;
import io.github.partnerattribution.templates.internal.JsonTree.Kind;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON template, read once: its tree, scope and tracking candidates, each name resolved as far as it can be
 * without deploying. Immutable once built; the rules read it, and so does the editor. It says what is there, never
 * what is wrong: that is the rules' job. Not API.
 */
public final class JsonModel implements TrackingModel {
    public static final String DEPLOYMENTS = "Microsoft.Resources/deployments";
    /** The largest template ARM accepts: 4 MB. */
    public static final long ARM_MAX_BYTES = 4L * 1024 * 1024;
    /** Files larger than this are not read at all (a template cannot be): 64 MB. */
    public static final long READ_MAX_BYTES = 64L * 1024 * 1024;

    /** The deployment scope a template's {@code $schema} names. */
    public enum Scope {
        RESOURCE_GROUP("resource group"), SUBSCRIPTION("subscription"), MANAGEMENT_GROUP("management group"),
        TENANT("tenant");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        /** {@return the scope in words, such as {@code resource group}} */
        public String label() {
            return label;
        }
    }

    /** One deployment that is, may be, or looks meant to be a tracking resource. */
    public static final class Candidate extends NameSite {
        private final Node resource;
        private final Node container;
        /** The template it is declared in, by identity: its container, or a token standing for it. */
        private final Object template;
        private final int level;
        private final Node name;
        private final List<String> missing;

        Candidate(Node resource, Node container, int level, Node name, String raw, NameKind kind, List<String> missing,
                String known, boolean complete, PartnerId id, String guidProblem, String branch, boolean mayCount) {
            this(resource, container, level, name, raw, kind, missing, known, complete, id, guidProblem, branch,
                    mayCount, "", null);
        }

        Candidate(Node resource, Node container, int level, Node name, String raw, NameKind kind, List<String> missing,
                String known, boolean complete, PartnerId id, String guidProblem, String branch, boolean mayCount,
                String rest, String because) {
            super(kind, raw, known, complete, rest, id, guidProblem, branch, because, mayCount);
            this.resource = resource;
            this.container = container;
            this.template = container;
            this.level = level;
            this.name = name;
            this.missing = Collections.unmodifiableList(new ArrayList<>(missing));
        }

        @Override
        public Node resource() {
            return resource;
        }

        @Override
        public Object template() {
            return template;
        }

        @Override
        public boolean module() {
            return false;
        }

        @Override
        public Property mode() {
            Node properties = resource.get("properties");
            Node mode = properties == null ? null : properties.get("mode");
            return mode == null || mode.kind != Kind.STRING ? null
                    : new Property(new Position(mode.line, mode.column), mode.text(), mode.text());
        }

        @Override
        public Position propertiesPosition() {
            Node properties = resource.get("properties");
            Node at = properties == null ? resource : properties;
            return new Position(at.line, at.column);
        }

        @Override
        public Property location() {
            Node location = resource.get("location");
            return location == null ? null : new Property(new Position(location.line, location.column),
                    location.text(), location.text());
        }

        @Override
        public Property apiVersion() {
            Node v = resource.get("apiVersion");
            return v == null ? null : new Property(new Position(v.line, v.column), v.text(),
                    v.kind == Kind.STRING && !v.text().startsWith("[") ? v.text() : null);
        }

        @Override
        public boolean linksTemplate() {
            Node properties = resource.get("properties");
            return properties != null && properties.get("templateLink") != null;
        }

        @Override
        public int innerResources() {
            Node resources = innerResourcesNode();
            return resources == null ? 0 : resources.elements().size();
        }

        @Override
        public Position innerResourcesPosition() {
            Node resources = innerResourcesNode();
            return resources == null ? null : new Position(resources.line, resources.column);
        }

        private Node innerResourcesNode() {
            Node properties = resource.get("properties");
            Node inner = properties == null ? null : properties.get("template");
            Node resources = inner == null ? null : inner.get("resources");
            return resources == null || !resources.isContainer() ? null : resources;
        }

        /** The same candidate for a model without its tree: its resource's strings decoded, its template a token. */
        private Candidate(Candidate c, Object template) {
            super(c);
            c.resource.detach();
            this.resource = c.resource;
            this.container = null;
            this.template = template;
            this.level = c.level;
            this.name = c.name;
            this.missing = c.missing;
        }

        /** {@return the array or object that holds the resource, for edits; a scan's model has none} */
        public Node container() {
            if (container == null) {
                throw new IllegalStateException("a scan's model keeps no tree: edits read the file itself");
            }
            return container;
        }

        public Node name() {
            return name;
        }

        /** {@return the placeholders with no value, for {@link NameKind#UNFILLED_PLACEHOLDER}} */
        public List<String> missing() {
            return missing;
        }

        /** {@return whether the name is an ARM expression ({@code [...]}, not an escaped {@code [[})} */
        public boolean isExpression() {
            return raw().startsWith("[") && !raw().startsWith("[[");
        }

        @Override
        public int level() {
            return level;
        }

        @Override
        public Position position() {
            return new Position(resource.line, resource.column);
        }

        @Override
        public Position namePosition() {
            return new Position(name.line, name.column);
        }

        @Override
        public Position condition() {
            Node condition = resource.get("condition");
            return condition == null ? null : new Position(condition.line, condition.column);
        }

        @Override
        public String nameParameter() {
            return null; // a linked JSON template's callers pass parameters by value objects: not followed
        }

        @Override
        public String viaModuleParameter() {
            return null; // only a Bicep module's arguments are judged at the caller
        }

        @Override
        public String telemetrySwitch() {
            String name = switchParameter();
            return name != null && TrackingModel.isTelemetryParameter(name) ? name : null;
        }

        @Override
        public String switchParameter() {
            Node condition = resource.get("condition");
            if (condition == null || condition.kind != JsonTree.Kind.STRING) {
                return null;
            }
            String c = condition.text().replace(" ", "");
            if (!c.startsWith("[") || !c.endsWith("]")) {
                return null;
            }
            c = c.substring(1, c.length() - 1);
            if (c.startsWith("not(") && c.endsWith(")")) {
                c = c.substring(4, c.length() - 1);
            }
            if (!c.startsWith("parameters('") || !c.endsWith("')")) {
                return null;
            }
            String name = c.substring("parameters('".length(), c.length() - 2);
            return name.indexOf('\'') < 0 ? name : null;
        }
    }

    private final String file;
    private final String text;
    private final boolean bom;
    private final TemplateOptions options;
    private final JsonTree.SyntaxError syntaxError;
    private final List<JsonTree.Duplicate> duplicates;
    private final Node root;
    private final Node resources;
    /** Read from the tree when the model is made, so that a model without its tree says the same. */
    private final String languageVersion;
    private final int topLevelDeployments;
    private final Position start;
    private final boolean template;
    private final Scope scope;
    private final List<Candidate> candidates;
    private final List<Candidate> sites;
    private final List<Candidate> trackingResources;
    private final long size;
    private final boolean unread;
    private final List<LinkRef> links;
    private final boolean templateSchema;

    private JsonModel(String file, long size, boolean unread, String text, boolean bom,
            TemplateOptions options,
            JsonTree.SyntaxError syntaxError, List<JsonTree.Duplicate> duplicates, Node root, Node resources,
            boolean template, Scope scope, List<Candidate> candidates) {
        this(file, size, unread, text, bom, options, syntaxError, duplicates, root, resources, template, scope,
                candidates, Collections.<LinkRef>emptyList(), template);
    }

    private JsonModel(String file, long size, boolean unread, String text, boolean bom,
            TemplateOptions options, JsonTree.SyntaxError syntaxError, List<JsonTree.Duplicate> duplicates, Node root,
            Node resources, boolean template, Scope scope, List<Candidate> candidates, List<LinkRef> links,
            boolean templateSchema) {
        this(file, size, unread, text, bom, options, syntaxError, duplicates, root, resources, template, scope,
                candidates, links, templateSchema,
                root == null || root.kind != Kind.OBJECT ? null : root.string("languageVersion"),
                deploymentsIn(resources), root == null ? new Position(1, 1) : new Position(root.line, root.column));
    }

    /** How many {@code Microsoft.Resources/deployments} stand in a resources array (or object), at its level. */
    private static int deploymentsIn(Node resources) {
        int n = 0;
        for (Node r : resources == null || !resources.isContainer() ? Collections.<Node>emptyList()
                : resources.elements()) {
            String type = r.kind == Kind.OBJECT ? r.string("type") : null;
            n += type != null && type.equalsIgnoreCase(DEPLOYMENTS) ? 1 : 0;
        }
        return n;
    }

    /** A file too large to read: only its size is known. */
    public static JsonModel unread(String file, long size, TemplateOptions options) {
        return new JsonModel(file, size, true, "", false, options, null, new ArrayList<JsonTree.Duplicate>(),
                null, null, false, Scope.RESOURCE_GROUP, new ArrayList<Candidate>());
    }

    /** Reads and resolves a template. Content that is not UTF-8 is a syntax error naming the byte; never repaired. */
    public static JsonModel of(String file, byte[] bytes, TemplateOptions options) {
        boolean bom = Utf8.hasBom(bytes);
        // Decoding is the JDK's fast path; the result tells ASCII content apart: one char per byte, and no U+FFFD
        // (which is all a byte that is not ASCII can decode to on its own). Only other content is validated.
        String text = Utf8.text(bytes);
        boolean ascii = text.length() == bytes.length - (bom ? 3 : 0) && text.indexOf('\uFFFD') < 0;
        int invalid = ascii ? -1 : Utf8.firstInvalid(bytes, bom ? 3 : 0);
        if (invalid >= 0) {
            return new JsonModel(file, bytes.length, false, "", bom, options, notUtf8(bytes, invalid),
                    new ArrayList<JsonTree.Duplicate>(), null, null, false, Scope.RESOURCE_GROUP, new ArrayList<Candidate>());
        }
        List<JsonTree.Duplicate> duplicates = new ArrayList<>();
        Node root;
        try {
            root = JsonTree.parseTemplate(text, ascii ? bytes : null, bom ? 3 : 0, duplicates);
        } catch (JsonTree.SyntaxError e) {
            return new JsonModel(file, bytes.length, false, text, bom, options, e, duplicates, null, null, false,
                    Scope.RESOURCE_GROUP, new ArrayList<Candidate>());
        }
        String schema = root.kind == Kind.OBJECT ? root.string("$schema") : null;
        Node resources = root.kind == Kind.OBJECT ? root.get("resources") : null;
        boolean template = schema != null && schema.toLowerCase(Locale.ROOT).contains("deploymenttemplate.json")
                && resources != null && resources.isContainer();
        List<Candidate> candidates = new ArrayList<>();
        Walk walk = new Walk(root, options, candidates);
        if (template) {
            walk.walk(resources, 0, root);
        }
        boolean templateSchema = schema != null && schema.toLowerCase(Locale.ROOT).contains("deploymenttemplate.json");
        return new JsonModel(file, bytes.length, false, text, bom, options, null, duplicates, root, resources,
                template, template ? scopeOf(schema) : Scope.RESOURCE_GROUP, candidates,
                Collections.unmodifiableList(walk.links), templateSchema);
    }

    /**
     * The same model without the file's text: every string of the tree decoded now, so that nothing holds the text
     * and a scan that keeps a thousand models until their roles are known keeps their trees, not their files. The
     * rules read the same facts from it (only edits read the text, and an edit reads the file itself).
     */
    public JsonModel withoutText() {
        for (LinkRef link : links) {
            link.patterns(); // evaluated while the tree is at hand; then the link holds nothing of it
        }
        java.util.Map<Node, Object> tokens = new java.util.IdentityHashMap<>();
        List<Candidate> kept = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Object token = tokens.get(c.container);
            if (token == null) {
                token = new Object();
                tokens.put(c.container, token);
            }
            kept.add(new Candidate(c, token));
        }
        return new JsonModel(file, size, unread, null, bom, options, syntaxError, duplicates, null, null, template,
                scope, kept, links, templateSchema, languageVersion, topLevelDeployments, start);
    }

    private JsonModel(String file, long size, boolean unread, String text, boolean bom, TemplateOptions options,
            JsonTree.SyntaxError syntaxError, List<JsonTree.Duplicate> duplicates, Node root, Node resources,
            boolean template, Scope scope, List<Candidate> candidates, List<LinkRef> links, boolean templateSchema,
            String languageVersion, int topLevelDeployments, Position start) {
        this.links = links;
        this.templateSchema = templateSchema;
        this.file = file;
        this.size = size;
        this.unread = unread;
        this.text = text;
        this.bom = bom;
        this.options = options;
        this.syntaxError = syntaxError;
        this.duplicates = Collections.unmodifiableList(duplicates);
        this.root = root;
        this.resources = resources;
        this.languageVersion = languageVersion;
        this.topLevelDeployments = topLevelDeployments;
        this.start = start;
        this.template = template;
        this.scope = scope;
        this.candidates = Collections.unmodifiableList(candidates);
        List<Candidate> sites = new ArrayList<>(candidates.size());
        List<Candidate> decided = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (c.mayCount()) {
                sites.add(c);
            }
            if (c.decided()) {
                decided.add(c);
            }
        }
        this.sites = Collections.unmodifiableList(sites);
        this.trackingResources = Collections.unmodifiableList(decided);
    }

    /**
     * Whether content may be a deployment template: its bytes hold {@code deploymentTemplate.json} (any case), which
     * a template's {@code $schema} must. A fast test on bytes, so files that are not templates need not be parsed.
     */
    public static boolean mayBeTemplate(byte[] bytes) {
        byte[] needle = "deploymenttemplate.json".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0, last = bytes.length - needle.length; i <= last; i++) {
            if ((bytes[i] | 0x20) != 'd') {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                byte b = bytes[i + k];
                if (b != needle[k] && (b | 0x20) != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@return whether the root's {@code $schema} names a deployment template (resources or not)} */
    public boolean hasTemplateSchema() {
        return templateSchema;
    }

    /**
     * @return the {@code templateLink.relativePath} and {@code templateLink.uri} of every deployment, at any depth,
     *     in file order, as written (often an expression)
     */
    public List<LinkRef> links() {
        return links;
    }

    /** The error for content that is not UTF-8: which byte, at which offset, line and column (counted in bytes). */
    public static JsonTree.SyntaxError notUtf8(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonTree.SyntaxError(String.format("the file is not UTF-8: byte 0x%02X at byte offset %d is not part"
                + " of a UTF-8 character; ARM reads templates as UTF-8 (with or without a byte order mark), so save it"
                + " as UTF-8", bytes[offset] & 0xff, offset), line, offset - lineStart + 1);
    }

    /** {@return the file's size in bytes} */
    public long size() {
        return size;
    }

    /** {@return whether the file was too large to read ({@link #READ_MAX_BYTES}): only its size is known} */
    public boolean unread() {
        return unread;
    }

    @Override
    public String file() {
        return file;
    }

    /** {@return the text, without a byte order mark; for edits (a scan's model has no text)} */
    public String text() {
        requireTree();
        return text;
    }

    /** What only edits read; a scan's model, which only the rules read, keeps none of it. */
    private void requireTree() {
        if (text == null) {
            throw new IllegalStateException("a scan's model keeps no text or tree: edits read the file itself");
        }
    }

    /** {@return whether the file starts with a byte order mark} */
    public boolean bom() {
        return bom;
    }

    public TemplateOptions options() {
        return options;
    }

    /** {@return why the text is not JSON, or null when it is} */
    public JsonTree.SyntaxError syntaxError() {
        return syntaxError;
    }

    /** {@return properties defined twice in one object} */
    public List<JsonTree.Duplicate> duplicates() {
        return duplicates;
    }

    /** {@return the root value, or null when the text is not JSON; for edits (a scan's model has no tree)} */
    public Node root() {
        requireTree();
        return root;
    }

    /** {@return the top-level resources, or null; for edits (a scan's model has no tree)} */
    public Node resources() {
        requireTree();
        return resources;
    }

    /** {@return the template's {@code languageVersion}, such as {@code 2.0}; null when it has none (1.0)} */
    public String languageVersion() {
        return languageVersion;
    }

    /** {@return how many {@code Microsoft.Resources/deployments} the template deploys at its top level} */
    public int topLevelDeployments() {
        return topLevelDeployments;
    }

    /** {@return whether the JSON is a deployment template: a deploymentTemplate.json {@code $schema} and resources} */
    public boolean isTemplate() {
        return template;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public boolean checkable() {
        return template;
    }

    @Override
    public Position start() {
        return start;
    }

    /** {@return every candidate, bare-GUID look-alikes included} */
    @Override
    public List<Candidate> candidates() {
        return candidates;
    }

    /** {@return the candidates that are, or may be, tracking resources} */
    @Override
    public List<Candidate> sites() {
        return sites;
    }

    /** {@return the candidates whose name resolved to {@code pid-...}: the tracking resources} */
    public List<Candidate> trackingResources() {
        return trackingResources;
    }

    private static Scope scopeOf(String schema) {
        String s = schema.toLowerCase(Locale.ROOT);
        if (s.contains("subscriptiondeploymenttemplate")) {
            return Scope.SUBSCRIPTION;
        }
        if (s.contains("managementgroupdeploymenttemplate")) {
            return Scope.MANAGEMENT_GROUP;
        }
        return s.contains("tenantdeploymenttemplate") ? Scope.TENANT : Scope.RESOURCE_GROUP;
    }

    /** Whether a deployment resource deploys an inline template with no resources. */
    public static boolean isEmptyDeployment(Node resource) {
        Node properties = resource.get("properties");
        if (properties == null || properties.get("templateLink") != null) {
            return false;
        }
        Node inner = properties.get("template");
        if (inner == null || inner.kind != Kind.OBJECT) {
            return false;
        }
        Node innerResources = inner.get("resources");
        return innerResources == null || (innerResources.isContainer() && innerResources.elements().isEmpty());
    }

    /**
     * A name with its build placeholders ({@code ${key}}, the text up to the first {@code }}) filled from the
     * properties; those with no value are kept as written and added to {@code missing}.
     */
    static String filled(String raw, Map<String, String> properties, List<String> missing) {
        int open = raw.indexOf("${");
        if (open < 0) {
            return raw; // most names hold none
        }
        StringBuilder out = new StringBuilder(raw.length() + 32);
        int from = 0;
        for (; open >= 0; open = raw.indexOf("${", from)) {
            int close = raw.indexOf('}', open + 2);
            if (close < 0) {
                break; // no placeholder ends after this one: none follows
            }
            String written = raw.substring(open, close + 1);
            String value = properties.get(raw.substring(open + 2, close));
            if (value == null) {
                missing.add(written);
            }
            out.append(raw, from, open).append(value == null ? written : value);
            from = close + 1;
        }
        return out.append(raw, from, raw.length()).toString();
    }

    /** Visits every resource, child resources and inline nested templates included, collecting candidates. */
    private static final class Walk {
        private final Node root;
        private final TemplateOptions options;
        private final List<Candidate> out;
        final List<LinkRef> links = new ArrayList<>();

        Walk(Node root, TemplateOptions options, List<Candidate> out) {
            this.root = root;
            this.options = options;
            this.out = out;
        }

        /** @param scope the template whose variables and parameters expressions here read */
        void walk(Node container, int level, Node scope) {
            for (Node resource : container.elements()) {
                if (resource.kind != Kind.OBJECT) {
                    continue;
                }
                String type = resource.string("type");
                if (type != null && type.equalsIgnoreCase(DEPLOYMENTS)) {
                    consider(resource, container, level);
                    Node link = resource.get("properties") == null ? null : resource.get("properties").get("templateLink");
                    if (link != null && link.kind == Kind.OBJECT) {
                        addLink(LinkRef.Kind.RELATIVE_PATH, link.get("relativePath"), scope);
                        addLink(LinkRef.Kind.URI, link.get("uri"), scope);
                    }
                    Node inner = resource.get("properties") == null ? null : resource.get("properties").get("template");
                    if (inner != null && inner.kind == Kind.OBJECT && inner.get("resources") != null
                            && inner.get("resources").isContainer()) {
                        walk(inner.get("resources"), level + 1, innerScope(resource.get("properties"), inner, scope));
                    }
                }
                Node children = resource.get("resources");
                if (children != null && children.isContainer()) {
                    walk(children, level, scope);
                }
            }
        }

        private void addLink(LinkRef.Kind kind, Node value, Node scope) {
            if (value != null && value.kind == Kind.STRING) {
                links.add(new LinkRef(kind, value.text(), value.line, value.column, scope));
            }
        }

        /** An inline template evaluates its own expressions when its deployment says {@code scope: inner}. */
        private static Node innerScope(Node properties, Node inner, Node outer) {
            Node options = properties.get("expressionEvaluationOptions");
            String scope = options == null || options.kind != Kind.OBJECT ? null : options.string("scope");
            return scope != null && scope.equalsIgnoreCase("inner") ? inner : outer;
        }

        private void consider(Node resource, Node container, int level) {
            Node name = resource.get("name");
            if (name == null || name.kind != Kind.STRING) {
                return;
            }
            String raw = name.text();
            List<String> missing = new ArrayList<>();
            String filled = filled(raw, options.properties(), missing);
            boolean empty = isEmptyDeployment(resource);
            if (!missing.isEmpty()) {
                if (empty) {
                    out.add(new Candidate(resource, container, level, name, raw, NameKind.UNFILLED_PLACEHOLDER, missing,
                            "", false, null, null, null, true));
                }
                return;
            }
            List<Value> values = Expressions.evaluateAll(filled, root);
            for (Value value : values) {
                NameClassifier.Verdict v = NameClassifier.classify(value.known, value.complete, value.rest,
                        value.opensWithParameter, value.because, empty);
                if (v != null) {
                    boolean whole = v.kind == NameKind.BARE_GUID || (v.kind != NameKind.UNRESOLVED_GUID
                            && v.kind != NameKind.UNRESOLVED_NAME && value.complete);
                    out.add(new Candidate(resource, container, level, name, raw, v.kind,
                            Collections.<String>emptyList(), value.known, whole, v.id, v.guidProblem, value.when,
                            v.mayCount, value.rest, v.because));
                }
            }
        }
    }
}
