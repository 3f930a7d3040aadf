package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** CUA011: The same tracking deployment is defined twice. Applies to JSON templates. */
final class DuplicateTrackingResourceRule extends TemplateRule {
    DuplicateTrackingResourceRule() {
        super("CUA011", "DuplicateTrackingResource", Severity.ERROR, "The same tracking deployment is defined twice in one template.",
                "Keep one of them.");
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        // One resource defined twice: the same name (ARM compares names without case) in the same template. The same
        // id in two nested templates, under names that differ (uniqueString suffixes), or in two branches of one
        // resource's if(...), is not that.
        Map<String, Candidate> seen = new HashMap<>();
        for (Candidate c : model.trackingResources()) {
            if (c.id() == null) {
                continue;
            }
            String name = c.complete() ? c.known() : c.raw();
            String key = System.identityHashCode(c.container()) + "/" + name.toLowerCase(Locale.ROOT);
            Candidate first = seen.get(key);
            if (first == null) {
                seen.put(key, c);
            } else if (first.container() == c.container() && first.resource() != c.resource()) {
                report.report(at(c.resource()), "The tracking resource " + c.id() + " is defined again (first at line "
                        + first.resource().line + ").", help());
            }
        }
    }
}
