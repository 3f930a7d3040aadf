package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.internal.BicepSyntax.Kind;
import io.github.partnerattribution.templates.internal.BicepSyntax.Node;
import io.github.partnerattribution.templates.internal.Expressions.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One Bicep file, read by {@link BicepParser} into its syntax tree and bound: each {@code resource} of type
 * {@code Microsoft.Resources/deployments} and each {@code module} that has a {@code name}, that name evaluated by
 * {@link BicepValues} (variables, parameters, interpolation, {@code take}, {@code format}, {@code ? :}, loaded files),
 * and the inline templates they deploy; the module paths it links; its syntax errors. Like {@link JsonModel}, it
 * says what is there; the rules judge it, in the role the caller gives them. Not API.
 *
 * <pre>{@code
 * BicepModel model = BicepModel.of("main.bicep", text, loader);
 * }</pre>
 */
public final class BicepModel implements TrackingModel {
    /** Bicep's own limit for a file read by {@code loadJsonContent} or {@code loadTextContent}, about 1 MB. */
    public static final int MAX_LOADED_BYTES = 1024 * 1024;

    /** What a Bicep file may need of the files beside it, each read once by whoever runs the check. */
    public interface Loader {
        /**
         * @param path a module's path as written, relative to the Bicep file
         * @return true when that module deploys nothing (no resource, no module), false when it deploys something,
         *     null when that cannot be told (a registry module, a file that is not there)
         */
        Boolean deploysNothing(String path);

        /** A file for {@code loadJsonContent} ({@code json}) or {@code loadTextContent}, relative to the Bicep file. */
        Loaded load(String path, boolean json);

        /**
         * @param path a module's path as written, relative to the Bicep file
         * @return the module's parameters that alone name one of its empty deployments (its callers' arguments name
         *     them); empty when there is none or the module cannot be read
         */
        default java.util.Set<String> nameParameters(String path) {
            return java.util.Collections.emptySet();
        }
    }

    /** A loader for text without a folder: no module can be told, no file loaded. */
    public static final Loader NO_FOLDER = new Loader() {
        @Override
        public Boolean deploysNothing(String path) {
            return null;
        }

        @Override
        public Loaded load(String path, boolean json) {
            return Loaded.problem(path + " cannot be read: the Bicep text was checked without its folder");
        }
    };

    /** A {@code resource} or {@code module} whose name is, may be, or looks meant to be {@code pid-...}. */
    public static final class Declaration extends NameSite {
        private final Position position;
        private final Position name;
        private final Position condition;
        private final int level;
        /** The declaration in the tree (decorators to closing brace); null for a deployment of an inline template. */
        final BicepSyntax.Declaration declaration;
        /** The name's expression in the tree. */
        final Node nameNode;
        private final Body body;

        Declaration(NameClassifier.Verdict v, String raw, Value value, Position position, Position name,
                Position condition, int level, BicepSyntax.Declaration declaration, Node nameNode, Body body) {
            super(v.kind, raw, value.known, v.kind == NameKind.BARE_GUID || (v.kind != NameKind.UNRESOLVED_GUID
                    && v.kind != NameKind.UNRESOLVED_NAME && value.complete), value.rest, v.id, v.guidProblem,
                    value.when, v.because, v.mayCount);
            this.position = position;
            this.name = name;
            this.condition = condition;
            this.level = level;
            this.declaration = declaration;
            this.nameNode = nameNode;
            this.body = body;
        }

        @Override
        public boolean module() {
            return body.module;
        }

        @Override
        public Property mode() {
            return body.mode;
        }

        @Override
        public Position propertiesPosition() {
            return body.properties;
        }

        @Override
        public Property location() {
            return body.location;
        }

        @Override
        public Property apiVersion() {
            return body.apiVersion;
        }

        @Override
        public boolean linksTemplate() {
            return body.linksTemplate;
        }

        @Override
        public int innerResources() {
            return body.innerResources;
        }

        @Override
        public Position innerResourcesPosition() {
            return body.innerResourcesAt;
        }

        @Override
        public Object template() {
            return body.template;
        }

        @Override
        public Object resource() {
            return body;
        }

        @Override
        public int level() {
            return level;
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

        @Override
        public String telemetrySwitch() {
            String name = body.switchParameter;
            return name != null && TrackingModel.isTelemetryParameter(name) ? name : null;
        }

        @Override
        public String switchParameter() {
            return body.switchParameter;
        }

        @Override
        public String nameParameter() {
            return body.nameParameter;
        }

        @Override
        public String viaModuleParameter() {
            return body.viaModuleParameter;
        }
    }

    /** What a deployment's (or module's) body says, read once for every branch of its name. */
    static final class Body {
        final boolean module;
        final Property mode;
        final Position properties;
        final Property location;
        final boolean linksTemplate;
        final int innerResources;
        final Position innerResourcesAt;
        /** The template it is declared in: the file's top level, or an inline template's resources. */
        final Object template;
        /**
         * Its {@code apiVersion}: the part of a resource's type after {@code @}, or an inline template's property; null
         * for a module.
         */
        Property apiVersion;
        /** The parameter that alone switches the declaration, or null. */
        String switchParameter;
        /** The file's own parameter that alone is the declaration's name, or null. */
        String nameParameter;
        /** For an argument a caller gives a module's name parameter: that parameter; else null. */
        String viaModuleParameter;

        Body(Node body, boolean module, Position at, Object template, BicepSyntax.File syntax, BicepValues values) {
            this.module = module;
            this.template = template;
            Node properties = body.get("properties");
            this.properties = properties == null ? at : syntax.position(properties.start);
            this.mode = property(properties == null ? null : properties.get("mode"), syntax, values);
            this.location = property(body.get("location"), syntax, values);
            this.linksTemplate = properties != null && properties.get("templateLink") != null;
            Node inner = properties == null ? null : properties.get("template");
            Node resources = inner == null ? null : inner.get("resources");
            boolean array = resources != null && resources.kind == Kind.ARRAY;
            this.innerResources = array ? resources.parts.size() : 0;
            this.innerResourcesAt = array ? syntax.position(resources.start) : null;
        }

        static Property property(Node n, BicepSyntax.File syntax, BicepValues values) {
            if (n == null) {
                return null;
            }
            Value v = values.value(n);
            return new Property(syntax.position(n.start), syntax.source(n), v.isLiteral() ? v.known : null);
        }
    }

    /** A syntax error, where it stands. */
    public static final class SyntaxError {
        public final Position position;
        public final String message;

        SyntaxError(Position position, String message) {
            this.position = position;
            this.message = message;
        }
    }

    private final String file;
    /** The tree while the model is bound; let go of after, so a model kept for a scan's rules holds none of it. */
    private BicepSyntax.File syntax;
    private final List<Declaration> candidates = new ArrayList<>();
    private final List<Declaration> sites = new ArrayList<>();
    private final List<PartnerId> ids = new ArrayList<>();
    private final List<SyntaxError> syntaxErrors = new ArrayList<>();
    private final List<LinkRef> links;
    private final boolean deployable;
    private final JsonModel.Scope scope;

    private BicepModel(String file, BicepSyntax.File syntax) {
        this.file = file;
        this.syntax = syntax;
        this.links = links(syntax);
        this.deployable = deployable(syntax);
        String target = syntax.targetScope();
        this.scope = target.equals("subscription") ? JsonModel.Scope.SUBSCRIPTION
                : target.equals("managementGroup") ? JsonModel.Scope.MANAGEMENT_GROUP
                : target.equals("tenant") ? JsonModel.Scope.TENANT : JsonModel.Scope.RESOURCE_GROUP;
        for (BicepSyntax.Diagnostic d : syntax.diagnostics) {
            syntaxErrors.add(new SyntaxError(syntax.position(d.offset), d.message));
        }
    }

    /** Reads and binds a Bicep file's text; {@code loader} answers for the files it loads and the modules it calls. */
    public static BicepModel of(String file, String text, Loader loader) {
        return of(file, BicepParser.parse(text), loader);
    }

    /** Binds a Bicep file already parsed. */
    public static BicepModel of(String file, BicepSyntax.File syntax, Loader loader) {
        BicepModel m = new BicepModel(file, syntax);
        m.bind(loader);
        m.syntax = null;
        return m;
    }

    /** {@return the syntax errors, in file order} */
    public List<SyntaxError> syntaxErrors() {
        return Collections.unmodifiableList(syntaxErrors);
    }

    /** {@return each {@code module}'s path, as written, where it stands} */
    public List<LinkRef> links() {
        return Collections.unmodifiableList(links);
    }

    /** {@return each {@code module}'s path in a tree, as written, where it stands} */
    public static List<LinkRef> links(BicepSyntax.File syntax) {
        List<LinkRef> links = new ArrayList<>();
        for (BicepSyntax.Declaration d : syntax.declarations) {
            if (d.keyword.equals("module") && d.typeOrPath != null && d.typeOrPath.kind == Kind.STRING) {
                links.add(new LinkRef(LinkRef.Kind.MODULE, d.typeOrPath.text, syntax.line(d.typeOrPath.start),
                        syntax.column(d.typeOrPath.start), null));
            } else if (d.keyword.equals("resource") && isDeployment(d.typeOrPath) && d.body() != null) {
                Node properties = d.body().get("properties");
                Node loaded = loadedTemplate(properties == null ? null : properties.get("template"));
                if (loaded != null) {
                    links.add(new LinkRef(LinkRef.Kind.INLINE, loaded.text, syntax.line(loaded.start),
                            syntax.column(loaded.start), null));
                }
            }
        }
        return links;
    }

    /**
     * The path of a JSON file a deployment's {@code template} loads, {@code loadJsonContent('x.json')} or
     * {@code json(loadTextContent('x.json'))}, as its string node; null for any other template.
     */
    private static Node loadedTemplate(Node template) {
        if (template == null || template.kind != Kind.CALL) {
            return null;
        }
        String f = template.text.toLowerCase(Locale.ROOT);
        Node call = template;
        if ((f.equals("json") || f.equals("sys.json")) && template.parts.size() == 1 && template.part(0).kind == Kind.CALL) {
            call = template.part(0);
            f = call.text.toLowerCase(Locale.ROOT);
            if (!f.equals("loadtextcontent") && !f.equals("sys.loadtextcontent")) {
                return null;
            }
        } else if (!f.equals("loadjsoncontent") && !f.equals("sys.loadjsoncontent")) {
            return null;
        }
        return !call.parts.isEmpty() && call.part(0).kind == Kind.STRING ? call.part(0) : null;
    }

    /** {@return whether the tree declares a resource or a module: then it deploys something} */
    public static boolean deploysSomething(BicepSyntax.File syntax) {
        for (BicepSyntax.Declaration d : syntax.declarations) {
            if (d.keyword.equals("resource") || d.keyword.equals("module")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this is a deployable template: false for a file that only declares types or functions for others to
     * import (nothing a deployment would create or return).
     */
    public boolean deployable() {
        return deployable;
    }

    /** {@link #deployable()} of a tree. */
    public static boolean deployable(BicepSyntax.File syntax) {
        boolean library = false;
        for (BicepSyntax.Declaration d : syntax.declarations) {
            if (d.keyword.equals("resource") || d.keyword.equals("module") || d.keyword.equals("output")) {
                return true;
            }
            library |= d.keyword.equals("type") || d.keyword.equals("func");
        }
        return !library;
    }

    @Override
    public String file() {
        return file;
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
    public JsonModel.Scope scope() {
        return scope;
    }

    @Override
    public List<Declaration> candidates() {
        return Collections.unmodifiableList(candidates);
    }

    @Override
    public List<Declaration> sites() {
        return Collections.unmodifiableList(sites);
    }

    /** {@return whether a tracking declaration names this id} */
    public boolean holds(PartnerId id) {
        return ids.contains(id);
    }

    /** {@return the ids of the tracking declarations, in file order} */
    public List<PartnerId> ids() {
        return Collections.unmodifiableList(ids);
    }

    /** The file's parameters' names, while it is bound. */
    private java.util.Set<String> params;
    /** The file's parameters' names, sorted. */
    private List<String> parameters;
    /** The parameters that alone name one of the file's empty deployments: its callers' arguments name them. */
    private final java.util.Set<String> nameParameters = new java.util.TreeSet<>();

    /** {@return the file's parameters' names, sorted} */
    public List<String> parameters() {
        return parameters;
    }

    /** {@return the parameters that alone name one of this file's empty deployments} */
    public java.util.Set<String> nameParameters() {
        return Collections.unmodifiableSet(nameParameters);
    }

    /**
     * The arguments a {@code module} gives the parameters that name the module's empty deployments: each is judged
     * here, where it is written, as a name of a deployment inside the module (level 1), so the caller's
     * {@code telemetryName: '<guid>-${location}'} is its finding rather than an unresolved name in the module.
     */
    private void viaArguments(BicepSyntax.Declaration d, Node body, Position at, Node condition,
            java.util.Set<String> nameParameters, BicepValues names) {
        Node params = nameParameters.isEmpty() ? null : body.get("params");
        if (params == null || params.kind != Kind.OBJECT) {
            return;
        }
        for (String parameter : nameParameters) {
            Node argument = params.get(parameter);
            if (argument == null) {
                continue;
            }
            Body facts = new Body(body, true, at, syntax, syntax, names);
            facts.viaModuleParameter = parameter;
            for (Value value : names.all(argument)) {
                add(value, argument, true, at, condition == null ? null : syntax.position(condition.start), 1, d,
                        facts);
            }
        }
    }

    private void bind(Loader loader) {
        params = new java.util.HashSet<>();
        for (BicepSyntax.Declaration d : syntax.declarations) {
            if (d.keyword.equals("param")) {
                params.add(d.symbol);
            }
        }
        BicepValues names = new BicepValues(syntax, loader, false);
        bind(syntax.declarations, names, loader);
        List<String> sorted = new ArrayList<>(params);
        Collections.sort(sorted);
        parameters = Collections.unmodifiableList(sorted);
        params = null;
    }

    private void bind(List<BicepSyntax.Declaration> declarations, BicepValues names, Loader loader) {
        for (BicepSyntax.Declaration d : declarations) {
            boolean module = d.keyword.equals("module");
            Node body = d.body();
            if (body != null && d.keyword.equals("resource")) {
                List<BicepSyntax.Declaration> children = new ArrayList<>();
                for (Node p : body.parts) {
                    if (p.declaration != null) {
                        children.add(p.declaration);
                    }
                }
                bind(children, names, loader); // nested child resources
            }
            if (body == null || d.existing || !(module || isDeployment(d.typeOrPath))) {
                continue;
            }
            Node name = body.get("name");
            if (name == null) {
                continue;
            }
            boolean empty = module ? Boolean.TRUE.equals(d.typeOrPath != null && d.typeOrPath.kind == Kind.STRING
                    ? loader.deploysNothing(d.typeOrPath.text) : null) : deploysNothing(body);
            Node condition = conditionNode(d.value);
            Position at = syntax.position(d.keywordStart);
            Body facts = new Body(body, module, at, syntax, syntax, names);
            facts.switchParameter = switchParameter(condition, params);
            facts.apiVersion = module ? null : typeApiVersion(d.typeOrPath);
            facts.nameParameter = name.kind == Kind.IDENTIFIER && params.contains(name.text) ? name.text : null;
            for (Value value : names.all(name)) {
                add(value, name, empty, at, condition == null ? null : syntax.position(condition.start), 0, d, facts);
            }
            if (empty && !module && facts.nameParameter != null) {
                nameParameters.add(facts.nameParameter);
            }
            if (module && d.typeOrPath != null && d.typeOrPath.kind == Kind.STRING) {
                viaArguments(d, body, at, condition, loader.nameParameters(d.typeOrPath.text), names);
            }
            if (!module) {
                inlineTemplate(body, names);
            }
        }
    }

    /** The inline template's own deployments, at level 1: their names are ARM expressions or literals. */
    private void inlineTemplate(Node body, BicepValues names) {
        Node properties = body.get("properties");
        Node template = properties == null ? null : properties.get("template");
        Node resources = template == null ? null : template.get("resources");
        if (resources == null || resources.kind != Kind.ARRAY) {
            return;
        }
        for (Node r : resources.parts) {
            Node type = r.kind == Kind.OBJECT ? r.get("type") : null;
            Node name = type == null || type.kind != Kind.STRING
                    || !type.text.equalsIgnoreCase(JsonModel.DEPLOYMENTS) ? null : r.get("name");
            if (name == null) {
                continue;
            }
            Value written = names.value(name);
            List<Value> values = written.isLiteral() ? Expressions.evaluateAll(written.known, null)
                    : Collections.singletonList(written);
            Node condition = r.get("condition");
            Position at = syntax.position(r.start);
            Body facts = new Body(r, false, at, resources, syntax, names);
            facts.apiVersion = Body.property(r.get("apiVersion"), syntax, names);
            for (Value value : values) {
                add(value, name, deploysNothing(r), at, condition == null ? null : syntax.position(condition.start), 1,
                        null, facts);
            }
        }
    }

    private void add(Value value, Node name, boolean empty, Position at, Position condition, int level,
            BicepSyntax.Declaration declaration, Body facts) {
        NameClassifier.Verdict v = NameClassifier.classify(value.known, value.complete, value.rest,
                value.opensWithParameter, value.because, empty);
        if (v == null) {
            return;
        }
        Declaration d = new Declaration(v, syntax.source(name), value, at, syntax.position(name.start), condition,
                level, declaration, name, facts);
        candidates.add(d);
        if (d.mayCount()) {
            sites.add(d);
        }
        if (d.id() != null && level == 0) {
            ids.add(d.id());
        }
    }

    private static final String DEPLOYMENTS_AT = "microsoft.resources/deployments@";

    /** The version of a deployment's type ({@code 'Microsoft.Resources/deployments@2025-04-01'}), where it stands. */
    private Property typeApiVersion(Node type) {
        String source = syntax.source(type);
        int[] span = versionSpan(source);
        if (span == null) {
            return null;
        }
        String version = source.substring(span[0], span[1]);
        return new Property(syntax.position(type.start + span[0]), version, version);
    }

    /**
     * Where the version stands in a type as written ({@code 'Microsoft.Resources/deployments@2025-04-01'}): from
     * after {@code @} to the closing quote; null when it has none, or is built by interpolation.
     */
    static int[] versionSpan(String typeSource) {
        int at = typeSource.indexOf('@');
        int close = typeSource.lastIndexOf('\'');
        return at < 0 || close <= at || typeSource.contains("${") ? null : new int[] {at + 1, close};
    }

    private static boolean isDeployment(Node type) {
        return type != null && type.kind == Kind.STRING
                && type.text.regionMatches(true, 0, DEPLOYMENTS_AT, 0, DEPLOYMENTS_AT.length()); // no lower-case copy
    }

    /**
     * The parameter that alone switches a declaration ({@code if (enableTelemetry)}, {@code if (!telemetryOptOut)});
     * else null.
     */
    private static String switchParameter(Node condition, java.util.Set<String> params) {
        Node c = condition == null ? null : condition.part(0);
        while (c != null && (c.kind == Kind.PARENTHESIZED || c.kind == Kind.UNARY) && !c.parts.isEmpty()) {
            c = c.part(0);
        }
        return c != null && c.kind == Kind.IDENTIFIER && params.contains(c.text) ? c.text : null;
    }

    /** {@code if (...)} of a declaration's value (through its loop), or null. */
    private static Node conditionNode(Node value) {
        Node v = value != null && value.kind == Kind.FOR ? value.part(1) : value;
        return v != null && v.kind == Kind.IF ? v : null;
    }

    /** A deployment that links no template and whose inline template (if written out) has no resources. */
    private static boolean deploysNothing(Node body) {
        Node properties = body.get("properties");
        if (properties == null || properties.kind != Kind.OBJECT) {
            return properties == null;
        }
        if (properties.get("templateLink") != null) {
            return false;
        }
        Node template = properties.get("template");
        if (template == null || template.kind != Kind.OBJECT) {
            return true; // built elsewhere (a loaded file): what it deploys is not written here
        }
        Node resources = template.get("resources");
        return resources == null || (resources.kind == Kind.ARRAY && resources.parts.isEmpty());
    }

    /** The text with a tracking resource appended, in the file's line endings and indentation. */
    public static String withTrackingResource(String text, BicepSyntax.File syntax, PartnerId id, String apiVersion) {
        return withTrackingResource(text, syntax, id, apiVersion, null, false);
    }

    /**
     * The text with a tracking resource appended, in the file's line endings and indentation; deployed only under the
     * opt-out parameter {@code optOut} when it is not null, declared just above it unless {@code declared}.
     */
    static String withTrackingResource(String text, BicepSyntax.File syntax, PartnerId id, String apiVersion,
            String optOut, boolean declared) {
        // the line break the file ends with (so the blank line after it cannot merge with it into one CR LF), else
        // the file's own
        String nl = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : text.endsWith("\r") ? "\r"
                : text.contains("\r\n") ? "\r\n" : text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? "\r" : "\n";
        String unit = indentUnit(text);
        boolean needsLocation = !syntax.targetScope().equals("resourceGroup");
        String symbol = "partnerAttribution";
        for (int i = 2; syntax.declares(symbol); i++) {
            symbol = "partnerAttribution" + i;
        }
        boolean endsLine = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty()) {
            b.append(endsLine ? "" : nl).append(nl); // a blank line apart
        }
        if (optOut != null && !declared) {
            b.append(OptOut.bicepParameter(optOut, nl)).append(nl).append(nl);
        }
        b.append("resource ").append(symbol).append(" 'Microsoft.Resources/deployments@").append(apiVersion)
                .append("' = ").append(optOut == null ? "" : OptOut.bicepCondition(optOut)).append('{').append(nl)
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
                .append('}');
        if (endsLine) {
            b.append(nl); // a file without a final line break keeps none
        }
        return text + b;
    }

    /** The indentation of the first indented line, or two spaces. */
    private static String indentUnit(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int from = i + 1;
                int to = from;
                while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
                    to++;
                }
                if (to > from && to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                    return text.substring(from, to);
                }
            }
            i++;
        }
        return "  ";
    }
}
