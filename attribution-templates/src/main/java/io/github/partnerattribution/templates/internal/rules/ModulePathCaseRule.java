package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.SolutionGraph.CaseMismatch;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;

/**
 * CUA028: A module path names its file in another case, which only a file system that ignores case finds. Applies to
 * Bicep templates.
 */
final class ModulePathCaseRule extends TemplateRule {
    ModulePathCaseRule() {
        super("CUA028", "ModulePathCase", Severity.WARNING, "A module path names its file in another case.",
                "Write the path as the file and its folders are named: Linux build agents find files by exact case, so the build fails there.");
    }

    @Override
    public void check(BicepModel model, Context context, Reporter report) {
        for (CaseMismatch m : context.caseMismatches()) {
            report.report(new Position(m.line, m.column), "The module path " + quote(m.written) + " names "
                    + quote(m.actual) + " in another case: found on Windows and macOS, but not on a case-sensitive file"
                    + " system such as a Linux build agent's, where the build fails.", "Write it as "
                    + quote(m.actual) + ".");
        }
    }
}
