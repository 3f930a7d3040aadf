package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.internal.Expressions;
import io.github.partnerattribution.templates.internal.Expressions.Value;
import io.github.partnerattribution.templates.internal.JsonTree;
import io.github.partnerattribution.templates.internal.JsonTree.Kind;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import io.github.partnerattribution.templates.internal.Utf8;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One JSON template read and analysed: its tree, its scope, its tracking resources and its findings. */
final class TemplateAnalysis {
    static final String DEPLOYMENTS = "Microsoft.Resources/deployments";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_NAME = 64;

    enum Scope {
        RESOURCE_GROUP("resource group"), SUBSCRIPTION("subscription"), MANAGEMENT_GROUP("management group"),
        TENANT("tenant");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    /** A deployment resource that is, or may be, the tracking resource. */
    static final class Tracking {
        final Node resource;
        final Node container;
        final int level;
        final Node name;
        final String raw;
        PartnerId id;
        boolean undecided;

        Tracking(Node resource, Node container, int level, Node name, String raw) {
            this.resource = resource;
            this.container = container;
            this.level = level;
            this.name = name;
            this.raw = raw;
        }
    }

    final String file;
    final String text;
    final boolean bom;
    final TemplateRole role;
    final TemplateOptions options;
    final List<Finding> findings = new ArrayList<>();
    final List<Tracking> tracking = new ArrayList<>();
    Node root;
    Node resources;
    Scope scope = Scope.RESOURCE_GROUP;
    boolean parsed;

    private final byte[] bytes;

    private TemplateAnalysis(String file, byte[] bytes, TemplateRole role, TemplateOptions options) {
        this.bytes = bytes;
        this.file = file;
        this.bom = Utf8.hasBom(bytes);
        this.text = Utf8.text(bytes);
        this.role = role;
        this.options = options;
    }

    static TemplateAnalysis of(String file, byte[] bytes, TemplateRole role, TemplateOptions options) {
        TemplateAnalysis a = new TemplateAnalysis(file, bytes, role, options);
        a.run();
        return a;
    }

    boolean hasErrors() {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    private void run() {
        List<JsonTree.Duplicate> duplicates = new ArrayList<>();
        try {
            root = JsonTree.parse(text, isAscii(bytes, bom ? 3 : 0) ? bytes : null, bom ? 3 : 0, duplicates);
        } catch (JsonTree.SyntaxError e) {
            add("CUA012", Severity.ERROR, e.line, e.column, "Invalid JSON: " + e.getMessage() + ".",
                    "Correct the JSON at this position; ARM accepts // and /* */ comments but nothing else beyond JSON.");
            return;
        }
        parsed = true;
        for (JsonTree.Duplicate d : duplicates) {
            add("CUA013", Severity.WARNING, d.line, d.column, "The property \"" + d.name + "\" is defined twice in"
                    + " one object; ARM keeps only one of them.", "Remove one of the two definitions.");
        }
        String schema = root.kind == Kind.OBJECT ? root.string("$schema") : null;
        resources = root.kind == Kind.OBJECT ? root.get("resources") : null;
        if (schema == null || !schema.toLowerCase(Locale.ROOT).contains("deploymenttemplate.json")
                || resources == null || !resources.isContainer()) {
            add("CUA017", Severity.ERROR, root.line, root.column, "This is not an ARM deployment template: it needs a"
                    + " $schema ending in deploymentTemplate.json and a resources section.",
                    "Check the right file: the main template is mainTemplate.json or azuredeploy.json.");
            return;
        }
        scope = scopeOf(schema);
        walk(resources, 0);
        judge();
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

    /** Visits every resource, child resources and inline nested templates included. */
    private void walk(Node container, int level) {
        for (Node resource : container.elements()) {
            if (resource.kind != Kind.OBJECT) {
                continue;
            }
            String type = resource.string("type");
            if (type != null && type.equalsIgnoreCase(DEPLOYMENTS)) {
                consider(resource, container, level);
                Node inner = resource.get("properties") == null ? null : resource.get("properties").get("template");
                if (inner != null && inner.kind == Kind.OBJECT && inner.get("resources") != null
                        && inner.get("resources").isContainer()) {
                    walk(inner.get("resources"), level + 1);
                }
            }
            Node children = resource.get("resources");
            if (children != null && children.isContainer()) {
                walk(children, level);
            }
        }
    }

    private void consider(Node resource, Node container, int level) {
        Node nameNode = resource.get("name");
        if (nameNode == null || nameNode.kind != Kind.STRING) {
            return;
        }
        String raw = nameNode.text();
        String filled = raw;
        List<String> missing = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuffer out = new StringBuffer();
        while (m.find()) {
            String value = options.properties().get(m.group(1));
            if (value == null) {
                missing.add(m.group(0));
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(0)));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        filled = out.toString();
        if (!missing.isEmpty()) {
            if (isEmptyDeployment(resource)) {
                Tracking t = new Tracking(resource, container, level, nameNode, raw);
                t.undecided = true;
                tracking.add(t);
                add("CUA010", Severity.WARNING, nameNode, "The name " + quote(raw) + " holds the build placeholder "
                        + String.join(", ", missing) + (options.properties().isEmpty() ? ", so whether this is the"
                        + " tracking resource cannot be told." : ", which the properties file does not define."),
                        "Check with the properties file the build fills it from (--properties pid.properties).");
            }
            return;
        }
        Value value = Expressions.evaluate(filled, root);
        String known = value.known;
        if (known.length() >= 4 && known.substring(0, 4).equalsIgnoreCase("pid-")) {
            Tracking t = new Tracking(resource, container, level, nameNode, raw);
            tracking.add(t);
            identify(t, value);
            return;
        }
        if (!isEmptyDeployment(resource)) {
            return;
        }
        if (value.isLiteral() && looksLikeBareGuid(known)) {
            add("CUA016", Severity.WARNING, nameNode, "This empty deployment is named with a bare GUID, " + quote(known)
                    + "; customer usage attribution only counts names that start with pid-.",
                    "If it is meant for attribution, name it pid-" + known + ".");
        } else if (!value.complete && "pid-".startsWith(known.toLowerCase(Locale.ROOT))) {
            Tracking t = new Tracking(resource, container, level, nameNode, raw);
            t.undecided = true;
            tracking.add(t);
            add("CUA009", Severity.WARNING, nameNode, "The name " + quote(raw) + " is an expression that cannot be"
                    + " resolved without deploying, so whether it is a valid tracking resource cannot be told.",
                    "Write the name as a literal, \"pid-<guid>\", or build it from literals, variables and parameter"
                            + " defaults.");
        }
    }

    /** Finds the partner id in a resolved name: pid-, a GUID, then optionally -partnercenter or any suffix. */
    private void identify(Tracking t, Value value) {
        String rest = value.known.substring(4);
        int run = 0;
        while (run < rest.length() && isGuidChar(rest.charAt(run))) {
            run++;
        }
        String guid = run >= 36 && (run == 36 || rest.charAt(36) == '-') ? rest.substring(0, 36) : rest.substring(0, run);
        if (run < 36 && run == rest.length() && !value.complete) {
            t.undecided = true;
            add("CUA009", Severity.WARNING, t.name, "The GUID in the name " + quote(t.raw) + " cannot be resolved"
                    + " without deploying.", "Write the GUID as a literal or as a variable with a literal value.");
            return;
        }
        String after = rest.substring(guid.length());
        boolean partnerCenter = after.regionMatches(true, 0, "-partnercenter", 0, 14);
        try {
            t.id = PartnerId.parse("pid-" + guid + (partnerCenter ? "-partnercenter" : ""));
        } catch (InvalidPartnerIdException e) {
            String shown = value.known.replace(Expressions.OPAQUE, '?');
            add("CUA002", Severity.ERROR, t.name, "The tracking resource's name " + quote(shown) + " holds a malformed"
                    + " GUID: " + e.problem() + ".", "Use the GUID registered in Partner Center: 32 hex digits grouped"
                    + " 8-4-4-4-12, e.g. pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.");
        }
        if (value.complete && value.known.length() > MAX_NAME) {
            add("CUA008", Severity.ERROR, t.name, "The name is " + value.known.length() + " characters long; deployment"
                    + " names are at most " + MAX_NAME + ".", "Shorten the suffix, or wrap the name in take(..., 64).");
        }
        if (t.raw.startsWith("[") && !t.raw.startsWith("[[")) {
            add("CUA015", Severity.INFO, t.name, "The name is built by an expression (" + quote(t.raw) + "); Azure"
                    + " Marketplace publishing wants the literal name.", "For a Marketplace offer, write \"" + (t.id == null ? "pid-<guid>" : t.id.token())
                    + "\" literally.");
        }
    }

    /** The rules that need every tracking resource known. */
    private void judge() {
        Map<PartnerId, Tracking> seen = new HashMap<>();
        boolean decided = false;
        boolean undecided = false;
        for (Tracking t : tracking) {
            if (t.undecided) {
                undecided = true;
                continue;
            }
            decided = true;
            if (role != TemplateRole.MAIN || t.level > 0) {
                add("CUA003", Severity.ERROR, t.resource, "A tracking resource (" + quote(t.raw) + ") stands in a "
                        + (t.level > 0 ? "nested template inside this file" : role.name().toLowerCase(Locale.ROOT)
                        + " template") + "; attribution only counts it in the main template.",
                        "Move it to the main template (mainTemplate.json or azuredeploy.json).");
            }
            if (t.id != null) {
                Tracking first = seen.put(t.id, t);
                if (first != null) {
                    add("CUA011", Severity.ERROR, t.resource, "The tracking resource " + t.id + " is defined again"
                            + " (first at line " + first.resource.line + ").", "Keep one of them.");
                }
            }
            Node properties = t.resource.get("properties");
            Node inner = properties == null ? null : properties.get("template");
            if (properties != null && properties.get("templateLink") != null) {
                add("CUA004", Severity.ERROR, t.resource, "The tracking resource links a template; it must hold an empty"
                        + " inline template.", "Replace templateLink with an inline template whose resources are empty.");
            } else if (inner != null && inner.get("resources") != null && !inner.get("resources").elements().isEmpty()) {
                add("CUA004", Severity.ERROR, inner.get("resources"), "The tracking resource's inner template deploys "
                        + inner.get("resources").elements().size() + " resource(s); it must deploy none.",
                        "Empty its resources; deploy the solution's resources elsewhere.");
            }
            String mode = properties == null ? null : properties.string("mode");
            if (mode == null || !mode.equalsIgnoreCase("Incremental")) {
                add("CUA005", Severity.ERROR, properties == null ? t.resource : properties, "The tracking resource's mode"
                        + " is " + (mode == null ? "missing" : quote(mode)) + "; it must be Incremental (Complete would"
                        + " delete the resource group's other resources).", "Set \"mode\": \"Incremental\".");
            }
            if (t.level == 0) {
                Node location = t.resource.get("location");
                if (scope != Scope.RESOURCE_GROUP && location == null) {
                    add("CUA006", Severity.ERROR, t.resource, "At " + scope.label + " scope the tracking deployment needs"
                            + " a location.", "Add \"location\": \"[deployment().location]\".");
                } else if (scope == Scope.RESOURCE_GROUP && location != null) {
                    add("CUA007", Severity.ERROR, location, "At resource group scope the tracking deployment must not have"
                            + " a location.", "Remove its location property.");
                }
            }
            if (t.resource.get("condition") != null) {
                add("CUA014", Severity.INFO, t.resource.get("condition"), "The tracking resource is deployed only under"
                        + " a condition; deployments where it is false are not attributed.",
                        "Nothing to fix if the condition is the customer's opt-out.");
            }
        }
        if (role == TemplateRole.MAIN && !decided && !undecided) {
            add("CUA001", Severity.ERROR, root, "The main template has no tracking resource: no deployment named"
                    + " pid-<guid>, so no deployment of it is attributed.",
                    "Run: attribution template add --pid <your guid> " + file);
        }
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmptyDeployment(Node resource) {
        Node properties = resource.get("properties");
        if (properties == null || properties.get("templateLink") != null) {
            return false;
        }
        Node inner = properties.get("template");
        if (inner == null || inner.kind != Kind.OBJECT) {
            return false;
        }
        Node resources = inner.get("resources");
        return resources == null || (resources.isContainer() && resources.elements().isEmpty());
    }

    private static boolean looksLikeBareGuid(String s) {
        try {
            return !s.regionMatches(true, 0, "pid", 0, 3) && PartnerId.parse(s) != null;
        } catch (InvalidPartnerIdException e) {
            return false;
        }
    }

    private static boolean isGuidChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
    }

    static String quote(String s) {
        return io.github.partnerattribution.core.internal.Text.quote(s);
    }

    private void add(String code, Severity severity, Node at, String message, String hint) {
        add(code, severity, at.line, at.column, message, hint);
    }

    private void add(String code, Severity severity, int line, int column, String message, String hint) {
        findings.add(new Finding(code, severity, file, line, column, message, hint));
    }
}
