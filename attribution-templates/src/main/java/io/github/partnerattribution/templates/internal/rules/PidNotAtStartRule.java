package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/** CUA020: A deployment's name holds pid-&lt;guid&gt; after other text. Applies to JSON and Bicep templates. */
final class PidNotAtStartRule extends TrackingRule {
    PidNotAtStartRule() {
        super("CUA020", "PidNotAtStart", Severity.WARNING, "A deployment's name holds pid-<guid> after other text.",
                "Attribution only counts names that start with pid-: put pid-<guid> first (a suffix after the GUID is fine).");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        for (Site c : model.candidates()) {
            if (c.kind() != NameKind.PID_NOT_FIRST) {
                continue;
            }
            String reads = c.shown();
            reads = reads.length() > 60 ? reads.substring(0, 60) + "..." : reads;
            String before = c.mayCount() ? "only unknown parts stand before pid-, so the name starts with pid- only if"
                    + " they are empty" : "text stands before pid-, so attribution does not count it";
            report.report(c, c.namePosition(), "The name " + quote(c.raw()) + " holds pid-<guid> after other text"
                    + " (it reads " + quote(reads) + ", ? standing for what is known only when deploying): " + before
                    + ".", help());
        }
    }
}
