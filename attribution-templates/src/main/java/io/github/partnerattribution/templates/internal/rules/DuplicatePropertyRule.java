package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonTree;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;

/** CUA013: A property is defined twice in one object. Applies to JSON templates. */
final class DuplicatePropertyRule extends TemplateRule {
    DuplicatePropertyRule() {
        super("CUA013", "DuplicateProperty", Severity.ERROR, "A property is defined twice in one object.",
                "Remove one of the two definitions: readers disagree on which one counts.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (JsonTree.Duplicate d : model.duplicates()) {
            report.report(new Position(d.line, d.column), "The property \"" + d.name + "\" is given twice in one"
                    + " object (" + d.lines() + "); readers disagree on which one counts (Json.NET's default and Python"
                    + " keep the last, Jackson and this tool the first), so ARM may not deploy what a reviewer reads.",
                    "Remove one of the two definitions.");
        }
    }
}
