package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.TemplateRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    private static final Pattern SIMPLE = Pattern.compile("(?m)^\\s*(?:var\\s+(\\w+)\\s*=|param\\s+(\\w+)\\s+string\\s*=)\\s*'([^'$]*)'\\s*$");

    /** A {@code resource} or {@code module} whose name resolves to {@code pid-...}. */
    public static final class Declaration implements Site {
        private final String raw;
        private final String known;
        private final PartnerId id;
        private final String guidProblem;
        private final Position position;
        private final Position name;
        private final Position condition;

        Declaration(String raw, String known, PartnerId id, String guidProblem, Position position, Position name,
                Position condition) {
            this.raw = raw;
            this.known = known;
            this.id = id;
            this.guidProblem = guidProblem;
            this.position = position;
            this.name = name;
            this.condition = condition;
        }

        @Override
        public boolean decided() {
            return true;
        }

        @Override
        public int level() {
            return 0;
        }

        @Override
        public String raw() {
            return raw;
        }

        @Override
        public String shown() {
            return known;
        }

        @Override
        public PartnerId id() {
            return id;
        }

        @Override
        public String guidProblem() {
            return guidProblem;
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

    private final String file;
    private final String text;
    private final TemplateRole role;
    private final List<Declaration> sites = new ArrayList<>();
    private final List<PartnerId> ids = new ArrayList<>();

    private BicepModel(String file, String text, TemplateRole role) {
        this.file = file;
        this.text = text;
        this.role = role;
    }

    /** Reads a Bicep file's text. */
    public static BicepModel of(String file, String text, TemplateRole role) {
        BicepModel t = new BicepModel(file, text, role);
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

    @Override
    public boolean checkable() {
        return true;
    }

    @Override
    public Position start() {
        return new Position(1, 1);
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
            int at = open + 1 + name.start(1);
            String known = resolve(name.group(1));
            if (known == null || !known.regionMatches(true, 0, "pid-", 0, 4)) {
                continue;
            }
            PartnerId id = null;
            String problem = null;
            try {
                id = PidNames.idOf(known);
                ids.add(id);
            } catch (InvalidPartnerIdException e) {
                problem = e.problem();
            }
            sites.add(new Declaration(name.group(1), known, id, problem, position(m.start(1)), position(at),
                    m.group(4) == null ? null : position(m.start(4))));
        }
    }

    /** The known text of a Bicep name expression, opaque parts cut off; null when it does not start with text. */
    private String resolve(String expression) {
        String e = expression.trim();
        Matcher take = Pattern.compile("^take\\((.*),\\s*(\\d+)\\s*\\)$").matcher(e);
        int limit = Integer.MAX_VALUE;
        if (take.matches()) {
            e = take.group(1).trim();
            limit = Integer.parseInt(take.group(2));
        }
        if (e.length() < 2 || e.charAt(0) != '\'' || e.charAt(e.length() - 1) != '\'') {
            return null;
        }
        String literal = e.substring(1, e.length() - 1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < literal.length()) {
            int open = literal.indexOf("${", i);
            if (open < 0) {
                out.append(literal, i, literal.length());
                break;
            }
            out.append(literal, i, open);
            int close = literal.indexOf('}', open);
            String value = close < 0 ? null : simpleValue(literal.substring(open + 2, close).trim());
            if (value == null) {
                break; // an opaque part: what follows is unknown
            }
            out.append(value);
            i = close + 1;
        }
        return out.length() > limit ? out.substring(0, limit) : out.toString();
    }

    private String simpleValue(String identifier) {
        if (!identifier.matches("\\w+")) {
            return null;
        }
        Matcher m = SIMPLE.matcher(text);
        while (m.find()) {
            if (identifier.equals(m.group(1)) || identifier.equals(m.group(2))) {
                return m.group(3);
            }
        }
        return null;
    }

    /** @return whether a tracking declaration names this id */
    public boolean holds(PartnerId id) {
        return ids.contains(id);
    }

    /** @return the ids of the tracking declarations, in file order */
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
