package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonTree;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;

/** CUA012: The file is not valid JSON. Applies to JSON templates. */
final class InvalidJsonRule extends TemplateRule {
    InvalidJsonRule() {
        super("CUA012", "InvalidJson", Severity.ERROR, "The file is not valid JSON.",
                "Correct the JSON at the position given; ARM accepts // and /* */ comments and trailing commas, but nothing else beyond JSON.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        JsonTree.SyntaxError e = model.syntaxError();
        if (e != null) {
            report.report(new Position(e.line, e.column), "Invalid JSON: " + e.getMessage() + ".",
                    "Correct the JSON at this position; ARM accepts // and /* */ comments and trailing commas, but nothing else beyond JSON.");
        }
    }
}
