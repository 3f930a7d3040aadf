package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.JsonModel;

/**
 * CUA017: The file is not an ARM deployment template. Applies to JSON, and to Bicep files that only declare types or
 * functions for others to import.
 */
final class NotATemplateRule extends TemplateRule {
    NotATemplateRule() {
        super("CUA017", "NotATemplate", Severity.ERROR, "The file is not an ARM deployment template.",
                "Check that this is the right file: a deployment template has a $schema ending in deploymentTemplate.json and resources.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        if (model.syntaxError() == null && !model.isTemplate() && !model.unread()) {
            report.report(model.start(), "This is not an ARM deployment template: it needs a $schema ending in"
                    + " deploymentTemplate.json and a resources section.", "Check the right file: the main template is"
                    + " mainTemplate.json or azuredeploy.json.");
        }
    }

    @Override
    public void check(BicepModel model, Context context, Reporter report) {
        if (!model.deployable()) {
            report.report(model.start(), "This Bicep file only declares types or functions (no resource, module or"
                    + " output): it is a library other files import, not a deployable template.", "Check the right"
                    + " file: the main template is main.bicep, or name yours with --main.");
        }
    }
}
