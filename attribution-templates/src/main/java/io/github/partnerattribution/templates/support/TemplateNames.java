package io.github.partnerattribution.templates.support;

import io.github.partnerattribution.templates.internal.Expressions;
import io.github.partnerattribution.templates.internal.JsonTree;
import java.util.ArrayList;

/**
 * The names a JSON template gives its resources as this project's template evaluator reads them, for the ARM
 * emulator in {@code attribution-test}, which names what a deployment created. Not API: exported to that module only,
 * so that the evaluator's own classes stay internal.
 */
public final class TemplateNames {
    /** Stands for a character only ARM can compute ({@code uniqueString}, {@code guid}). */
    public static final char OPAQUE = Expressions.OPAQUE;

    private final JsonTree.Node template;

    private TemplateNames(JsonTree.Node template) {
        this.template = template;
    }

    /** The names of the template {@code json}; when it does not parse, every name is unknown. */
    public static TemplateNames of(String json) {
        try {
            return new TemplateNames(JsonTree.parse(json, new ArrayList<JsonTree.Duplicate>()));
        } catch (JsonTree.SyntaxError e) {
            return new TemplateNames(null);
        }
    }

    /**
     * The name that {@code expression} (a {@code "name"} value written as {@code [...]}) evaluates to, with
     * {@link #OPAQUE} for each character only ARM can compute; null when the evaluator cannot tell the whole name.
     */
    public String evaluate(String expression) {
        Expressions.Value value = template == null ? null : Expressions.evaluate(expression, template);
        return value == null || !value.complete || value.known.isEmpty() ? null : value.known;
    }
}
