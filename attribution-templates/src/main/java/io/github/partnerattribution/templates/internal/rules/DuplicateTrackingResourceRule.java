package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;
import java.util.HashMap;
import java.util.Map;

/** CUA011: The same tracking deployment is defined twice. Applies to JSON templates. */
final class DuplicateTrackingResourceRule extends TemplateRule {
    DuplicateTrackingResourceRule() {
        super("CUA011", "DuplicateTrackingResource", Severity.ERROR, "The same tracking deployment is defined twice.",
                "Keep one of them.");
    }

    @Override
    public void check(JsonModel model, Reporter report) {
        Map<PartnerId, Candidate> seen = new HashMap<>();
        for (Candidate c : model.candidates()) {
            if (!c.decided() || c.id() == null) {
                continue;
            }
            Candidate first = seen.put(c.id(), c);
            if (first != null) {
                report.report(at(c.resource()), "The tracking resource " + c.id() + " is defined again (first at line "
                        + first.resource().line + ").", help());
            }
        }
    }

    private static Position at(Node node) {
        return new Position(node.line, node.column);
    }
}
