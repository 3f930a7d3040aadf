package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.NameKind;

/** CUA016: An empty deployment is named with a GUID that lacks the pid- prefix. Applies to JSON templates. */
final class GuidWithoutPrefixRule extends TemplateRule {
    GuidWithoutPrefixRule() {
        super("CUA016", "GuidWithoutPrefix", Severity.WARNING, "An empty deployment is named with a GUID that lacks the pid- prefix.",
                "Customer usage attribution only counts names that start with pid-: name it pid-<guid>.");
    }

    @Override
    public void check(JsonModel model, Reporter report) {
        for (Candidate c : model.candidates()) {
            if (c.kind() == NameKind.BARE_GUID) {
                report.report(at(c.name()), "This empty deployment is named with a bare GUID, " + quote(c.shown())
                        + "; customer usage attribution only counts names that start with pid-.",
                        "If it is meant for attribution, name it pid-" + c.shown() + ".");
            }
        }
    }
}
