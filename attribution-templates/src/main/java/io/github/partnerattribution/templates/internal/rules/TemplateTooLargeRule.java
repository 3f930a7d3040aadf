package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;

/** CUA018: The template is larger than the 4 MB ARM accepts. Applies to JSON templates. */
final class TemplateTooLargeRule extends TemplateRule {
    TemplateTooLargeRule() {
        super("CUA018", "TemplateTooLarge", Severity.ERROR, "The template is larger than the 4 MB ARM accepts.",
                "ARM refuses a deployment template over 4 MB: move resources into linked templates or shorten what is"
                        + " embedded (scripts, large variables).");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        if (model.size() <= JsonModel.ARM_MAX_BYTES) {
            return;
        }
        String size = String.format(java.util.Locale.ROOT, "%.1f MB (%d bytes)", model.size() / 1048576.0, model.size());
        report.report(new Position(1, 1), model.unread()
                ? "The file is " + size + ", far over the 4 MB ARM accepts for a template, so it was not read."
                : "The template is " + size + "; ARM accepts templates of at most 4 MB (4194304 bytes).", help());
    }
}
