package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import io.github.partnerattribution.templates.internal.PackageModel;
import io.github.partnerattribution.templates.internal.SolutionGraph;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;

/**
 * One finding code: what it is called, how severe it is, how it reads in a rule list, how to fix it, and the check
 * itself, which reads a template's model and reports what it finds. Every rule is listed in {@link Catalogue}, the
 * one place SARIF's rules, {@code attribution template rules} and the README's table come from. Not API.
 */
public abstract class TemplateRule {
    /** Where a rule sends what it finds; the checker turns each report into a finding with the rule's code. */
    public interface Reporter {
        void report(Position at, String message, String hint);

        /**
         * Reports at a place in another file than the one checked: a package's finding about one of its parts, so
         * that it names that part (and a report never lists the part as ok under it).
         */
        void reportIn(String file, Position at, String message, String hint);

        /**
         * Reports about one candidate; for a name chosen by {@code if(...)}, the message says which branch, so each
         * branch is judged on its own.
         */
        default void report(Site site, Position at, String message, String hint) {
            String branch = site.branch();
            String m = branch == null ? message
                    : "When " + branch + ", " + Character.toLowerCase(message.charAt(0)) + message.substring(1);
            String via = site.viaModuleParameter();
            report(at, via == null ? m : "Given to the module's parameter " + via + ", which names an empty deployment"
                    + " inside the module: " + Character.toLowerCase(m.charAt(0)) + m.substring(1), hint);
        }
    }

    /**
     * What a rule is told besides the model: the role the caller decided (from the path, the solution's graph, or
     * {@code --main}), the name findings go under, and whether Partner Center's own rules judge a package's main
     * template (then it needs no tracking resource of the partner's: CUA023 or Partner Center's own on upload).
     */
    public static final class Context {
        private final TemplateRole role;
        private final String file;
        private final boolean partnerCenterMain;
        private final String deployedAt;
        private final java.util.List<SolutionGraph.CaseMismatch> caseMismatches;
        private final TemplateOptions options;

        public Context(TemplateRole role, String file, boolean partnerCenterMain) {
            this(role, file, partnerCenterMain, null, java.util.Collections.<SolutionGraph.CaseMismatch>emptyList(),
                    TemplateOptions.defaults());
        }

        /**
         * A context with what the solution's graph knows of the file: where the repository deploys it directly, and
         * its module paths written in another case than their files; and the options of the check.
         */
        public Context(TemplateRole role, String file, boolean partnerCenterMain, String deployedAt,
                java.util.List<SolutionGraph.CaseMismatch> caseMismatches, TemplateOptions options) {
            this.options = options;
            this.role = role;
            this.file = file;
            this.partnerCenterMain = partnerCenterMain;
            this.deployedAt = deployedAt;
            this.caseMismatches = caseMismatches;
        }

        /** {@return the options of the check: its clock, properties and registry} */
        public TemplateOptions options() {
            return options;
        }

        /** {@return where a document or script deploys this template directly ({@code README.md:12}), or null} */
        public String deployedAt() {
            return deployedAt;
        }

        /** {@return its module paths written in another case than the files they name} */
        public java.util.List<SolutionGraph.CaseMismatch> caseMismatches() {
            return caseMismatches;
        }

        public TemplateRole role() {
            return role;
        }

        /** {@return the file, as findings name it} */
        public String file() {
            return file;
        }

        /** {@return whether this is a package's main template, which Partner Center's rules judge} */
        public boolean partnerCenterMain() {
            return partnerCenterMain;
        }
    }

    private final String code;
    private final String name;
    private final Severity severity;
    private final String description;
    private final String help;

    protected TemplateRule(String code, String name, Severity severity, String description, String help) {
        this.code = code;
        this.name = name;
        this.severity = severity;
        this.description = description;
        this.help = help;
    }

    /** {@return the stable code, such as {@code CUA001}} */
    public final String code() {
        return code;
    }

    /** {@return the short name, such as {@code MissingTrackingResource}} */
    public final String name() {
        return name;
    }

    public final Severity severity() {
        return severity;
    }

    /** {@return one line: what the rule finds} */
    public final String description() {
        return description;
    }

    /** {@return how to fix what it finds} */
    public final String help() {
        return help;
    }

    /** Checks a JSON template; a rule that does not apply to JSON leaves it alone. */
    public void check(JsonModel model, Context context, Reporter report) {
    }

    /** Checks a Bicep file; a rule that does not apply to Bicep leaves it alone. */
    public void check(BicepModel model, Context context, Reporter report) {
    }

    /** Checks a Marketplace deployment package as a whole; a rule about templates leaves it alone. */
    public void check(PackageModel model, Context context, Reporter report) {
    }

    /** {@return whether the rule judges packages as a whole rather than templates} */
    public final boolean appliesToPackages() {
        try {
            return getClass().getMethod("check", PackageModel.class, Context.class, Reporter.class).getDeclaringClass()
                    != TemplateRule.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** {@return whether the rule checks JSON templates: whether its class has a check of its own for them} */
    public final boolean appliesToJson() {
        try {
            return getClass().getMethod("check", JsonModel.class, Context.class, Reporter.class).getDeclaringClass()
                    != TemplateRule.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** {@return whether the rule checks Bicep files: whether its class has a check of its own for them} */
    public final boolean appliesToBicep() {
        try {
            return getClass().getMethod("check", BicepModel.class, Context.class, Reporter.class).getDeclaringClass()
                    != TemplateRule.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Where a node of the JSON tree stands. */
    static Position at(Node node) {
        return new Position(node.line, node.column);
    }

    static String quote(String s) {
        return io.github.partnerattribution.core.support.Text.quote(s);
    }
}
