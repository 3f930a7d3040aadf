package io.github.partnerattribution.test.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.partnerattribution.templates.support.TemplateNames;
import java.util.Iterator;
import java.util.Map;

/**
 * The names a deployment gives its resources, as far as the project's template evaluator can tell: a name written
 * as an expression ({@code [parameters('storageName')]}, {@code [concat(variables('prefix'), 'store')]}) is
 * evaluated with the deployment's parameter values standing in for the defaults. A character only ARM could
 * compute ({@code uniqueString}, {@code guid}) becomes a letter derived from the deployment; a name the evaluator
 * cannot tell at all is {@code resource<N>}, N its place in the template. Not API.
 */
final class DeployedNames {
    private final TemplateNames template;
    private final int seed;

    DeployedNames(JsonNode template, JsonNode parameterValues) {
        TemplateNames parsed = null;
        if (template.isObject()) {
            ObjectNode withValues = ((ObjectNode) template).deepCopy();
            JsonNode declared = withValues.path("parameters");
            if (declared.isObject() && parameterValues.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = parameterValues.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> given = it.next();
                    JsonNode parameter = declaredIgnoringCase(declared, given.getKey());
                    if (parameter instanceof ObjectNode && given.getValue().has("value")) {
                        ((ObjectNode) parameter).set("defaultValue", given.getValue().get("value"));
                    }
                }
            }
            parsed = TemplateNames.of(withValues.toString());
        }
        this.template = parsed;
        this.seed = template.toString().hashCode() ^ parameterValues.toString().hashCode();
    }

    /** The name of the resource at {@code index} (from 1) whose template name is {@code written}. */
    String of(String written, int index) {
        if (written.isEmpty()) {
            return "resource" + index;
        }
        if (!written.startsWith("[") || written.startsWith("[[")) {
            return written.startsWith("[[") ? written.substring(1) : written;
        }
        String known = template == null ? null : template.evaluate(written);
        if (known == null) {
            return "resource" + index;
        }
        StringBuilder name = new StringBuilder(known.length());
        for (int i = 0; i < known.length(); i++) {
            char c = known.charAt(i);
            name.append(c == TemplateNames.OPAQUE ? (char) ('a' + Math.floorMod(seed + 31 * i, 26)) : c);
        }
        return name.toString();
    }

    private static JsonNode declaredIgnoringCase(JsonNode declared, String name) {
        for (Iterator<String> it = declared.fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (candidate.equalsIgnoreCase(name)) {
                return declared.get(candidate);
            }
        }
        return null;
    }
}
