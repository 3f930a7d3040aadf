package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Rule;
import io.github.partnerattribution.templates.ScanReport;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateEdit;
import io.github.partnerattribution.templates.TemplateOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = PlainForms.TEMPLATE, mixinStandardHelpOptions = true,
        description = "Check, scan and edit the tracking resource of ARM templates and Bicep files.",
        subcommands = {TemplateCommand.Check.class, TemplateCommand.Scan.class, TemplateCommand.Rules.class,
                TemplateCommand.Add.class,
                TemplateCommand.Remove.class, TemplateCommand.Replace.class, TemplateCommand.ApiVersion.class})
final class TemplateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    enum Format { text, json, sarif }

    /** Options shared by check and scan. */
    static final class Reading {
        @Option(names = PlainForms.FORMAT, defaultValue = PlainForms.FORMAT_DEFAULT, description = "text, json or sarif (default ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--properties", paramLabel = "FILE", description = "Properties that fill ${...} build placeholders.")
        Path properties;

        @Option(names = "--main", paramLabel = "NAME", description = "More files that count as main templates: a file name, or a path such as samples/basic/main.bicep.")
        List<String> mainNames = new ArrayList<>();

        @Option(names = "--registry", paramLabel = "FILE", description = "The partner's GUID registry: a tracking"
                + " resource whose GUID is not the one it holds for --offer and --channel (and --sku) is an error.")
        Path registry;

        @Option(names = "--offer", paramLabel = "OFFER", description = "The offer the templates are for, such as backup (with --registry).")
        String offer;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "The channel they ship in, such as marketplace or github (with --registry).")
        String channel;

        @Option(names = "--sku", paramLabel = "SKU", description = "The SKU, for a GUID per SKU (with --registry).")
        String sku;

        TemplateOptions options() throws IOException {
            TemplateOptions options = Failure.judging(() -> TemplateOptions.defaults().withMainNames(mainNames));
            options = properties == null ? options : options.withProperties(properties);
            return registered(options);
        }

        /** With the registry's id for the offer and channel, when --registry is given; each part named when missing. */
        private TemplateOptions registered(TemplateOptions options) throws IOException {
            if (registry == null) {
                if (offer != null || channel != null || sku != null) {
                    throw Failure.invalidInput("--offer, --channel and --sku name an entry of the registry: give"
                            + " --registry FILE too");
                }
                return options;
            }
            if (offer == null || channel == null) {
                throw Failure.invalidInput("--registry needs --offer and --channel (and --sku for a GUID per SKU):"
                        + " the registered id a tracking resource must carry is the one for them");
            }
            PartnerIdRegistry loaded = RegistryCommand.load(registry);
            try {
                return options.withRegistry(loaded, offer, channel, sku);
            } catch (java.util.NoSuchElementException none) {
                throw Failure.invalidInput(none.getMessage());
            }
        }

        int print(CommandSpec spec, ScanReport report) {
            return print(format, spec.commandLine().getOut(), spec.commandLine().getErr(), report);
        }

        /** Prints a report; the one body of check's and scan's output, for picocli and {@link FastPath}. */
        static int print(Format format, PrintWriter out, PrintWriter err, ScanReport report) {
            switch (format) {
                case json:
                    out.print(report.json());
                    break;
                case sarif:
                    out.print(report.sarif());
                    break;
                default:
                    out.print(colour(report.text()));
            }
            out.flush();
            if (format != Format.text) {
                // text output carries them already; for json and sarif say them where a person reads
                for (String note : report.notes()) {
                    err.println("attribution: note: " + note);
                }
                err.flush();
            }
            return report.failure(Severity.ERROR).isPresent() ? AttributionCli.FINDINGS : 0; // the plugin's rule too
        }

        private static String colour(String text) {
            if (!(text.contains(": error CUA") || text.contains(": warning CUA")) || !mayColour()) {
                return text; // nothing to colour (a clean check asks nothing of the terminal), or no terminal
            }
            CommandLine.Help.Ansi ansi = CommandLine.Help.Ansi.AUTO;
            if (!ansi.enabled()) {
                return text;
            }
            return text.replace(": error CUA", ": " + ansi.string("@|bold,red error|@") + " CUA")
                    .replace(": warning CUA", ": " + ansi.string("@|yellow warning|@") + " CUA");
        }

        /**
         * False when picocli's {@code Ansi.AUTO} would surely say no colour: nothing forces it on (the
         * {@code picocli.ansi} property, {@code CLICOLOR_FORCE}), there is no terminal, and it is not Windows (where
         * picocli takes Cygwin's and MSYS's terminals for one without a console). Then picocli, whose classes a check
         * otherwise would not load, is not asked.
         */
        static boolean mayColour() {
            return System.getProperty("picocli.ansi") != null || System.getenv("CLICOLOR_FORCE") != null
                    || System.console() != null || System.getProperty("os.name", "").startsWith("Windows");
        }
    }

    @Command(name = PlainForms.CHECK, mixinStandardHelpOptions = true, description = "Check templates; exit 1 on any error finding.",
            footer = {"", "Example:", "  attribution template check --properties pid.properties mainTemplate.json"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Reading reading;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files (.json or .bicep), or Marketplace deployment packages (.zip).")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            return reading.print(spec, check(paths, reading.options()));
        }

        /** Checks the files, each named first when it is none; the body of {@code template check}, with {@link FastPath}. */
        static ScanReport check(List<Path> paths, TemplateOptions options) throws IOException {
            for (Path path : paths) {
                FileEdit.regularFile(path); // a missing file, a folder or a FIFO is named before anything is read
            }
            return ArmTemplates.checkAll(paths, options);
        }
    }

    @Command(name = PlainForms.SCAN, mixinStandardHelpOptions = true,
            description = "Find main, nested and linked templates under a folder and check each; exit 1 on any error.",
            footer = {"", "Example:  attribution template scan --format sarif . > attribution.sarif"})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Reading reading;

        @Parameters(paramLabel = "DIR", description = "The solution folder.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            return reading.print(spec, scan(dir, reading.options()));
        }

        /** Scans a folder, named when it is not one; the one body of {@code template scan}, with {@link FastPath}. */
        static ScanReport scan(Path dir, TemplateOptions options) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir + " (not a folder)");
            }
            return ArmTemplates.scan(dir, options);
        }
    }

    @Command(name = PlainForms.RULES, mixinStandardHelpOptions = true,
            description = "List every finding code the checker reports: code, severity, name and what it finds; with a"
                    + " CODE, print that rule's page.",
            footer = {"", "Example:  attribution template rules", "          attribution template rules CUA003"})
    static final class Rules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = PlainForms.VERBOSE, description = "Also print how to fix each finding.")
        boolean verbose;

        @Parameters(arity = "0..1", paramLabel = "CODE", description = "A rule's code, such as CUA003: print its page"
                + " (why it matters, a failing and a passing template, the fix).")
        String code;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (code != null && rule(code) == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no rule " + Text.quote(code)
                        + ": the codes are CUA001 to " + ArmTemplates.rules().get(ArmTemplates.rules().size() - 1).code()
                        + " (attribution template rules lists them)");
            }
            return print(code, verbose, out);
        }

        /** The rule of a code, in any case; null when there is none. */
        static Rule rule(String code) {
            for (Rule rule : ArmTemplates.rules()) {
                if (rule.code().equalsIgnoreCase(code.trim())) {
                    return rule;
                }
            }
            return null;
        }

        /** The list, or one rule's page; the one body of {@code template rules}, for picocli and {@link FastPath}. */
        static int print(String code, boolean verbose, PrintWriter out) {
            if (code != null) {
                out.print(rule(code).page());
                out.flush();
                return 0;
            }
            for (Rule rule : ArmTemplates.rules()) {
                out.println(rule.code() + "  " + Text.padded(rule.severity().name().toLowerCase(Locale.ROOT), 7) + "  "
                        + Text.padded(rule.name(), 34) + "  " + rule.description());
                if (verbose) {
                    out.println("        Fix: " + rule.help());
                }
            }
            return 0;
        }
    }

    /** Options shared by add, remove and replace. */
    static final class Editing {
        @Option(names = "--pid", required = true, description = "The partner id.")
        String pid;

        @Option(names = "--dry-run", description = "Print a unified diff and write nothing.")
        boolean dryRun;

        @Option(names = "--force", description = "Edit the file even when it is read-only (its mode is kept).")
        boolean force;

        @Option(names = "--api-version", defaultValue = TemplateOptions.DEFAULT_API_VERSION,
                description = "apiVersion of an added tracking deployment (default ${DEFAULT-VALUE}).")
        String apiVersion;

        @Parameters(paramLabel = "FILE", description = "The main template.")
        Path file;

        TemplateOptions options() {
            return Failure.judging(() -> TemplateOptions.defaults().withApiVersion(apiVersion).withDryRun(dryRun)
                    .withForce(force));
        }

        int report(CommandSpec spec, TemplateEdit edit, String done) {
            return TemplateCommand.report(spec.commandLine().getOut(), file, dryRun, edit, done);
        }
    }

    /** What an edit did: the dry run's unified diff, else one line saying what changed, or that nothing did. */
    static int report(PrintWriter out, Path file, boolean dryRun, TemplateEdit edit, String done) {
        if (dryRun) {
            out.print(UnifiedDiff.of(file.toString().replace('\\', '/').replaceFirst("^/+", ""), edit.before(),
                    edit.after()));
        } else {
            out.println(edit.changed() ? done + " " + file : "unchanged: " + file);
        }
        return 0;
    }

    /** add, remove and replace: parse the id, edit, then report or print the dry run's diff. */
    abstract static class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Editing editing;

        abstract TemplateEdit edit(Path file, PartnerId id, TemplateOptions options) throws IOException;

        abstract String done(PartnerId id);

        @Override
        public Integer call() throws IOException {
            PartnerId id = PartnerId.parse(editing.pid);
            return editing.report(spec, edit(editing.file, id, editing.options()), done(id));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add the tracking resource to a main template; nothing else changes.",
            footer = {"", "Examples:", "  attribution template add mainTemplate.json \\",
                    "      --pid 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                    "  attribution template add --opt-out-parameter enableTelemetry main.bicep \\",
                    "      --pid 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"})
    static final class Add extends Edit {
        @Option(names = "--opt-out-parameter", paramLabel = "NAME", description = "Also add a bool parameter that lets"
                + " the customer opt out (attribution on by default; a name such as telemetryOptOut defaults to false)"
                + " and deploy the tracking resource only under it; remove takes both away.")
        String optOutParameter;

        @Override
        TemplateEdit edit(Path file, PartnerId id, TemplateOptions options) throws IOException {
            TemplateOptions withOptOut = optOutParameter == null ? options
                    : Failure.judging(() -> options.withOptOutParameter(optOutParameter));
            return ArmTemplates.add(file, id, withOptOut);
        }

        @Override
        String done(PartnerId id) {
            return "added " + id + " to";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the tracking resource of an id.",
            footer = {"", "Example:", "  attribution template remove mainTemplate.json \\",
                    "      --pid 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"})
    static final class Remove extends Edit {
        @Override
        TemplateEdit edit(Path file, PartnerId id, TemplateOptions options) throws IOException {
            return ArmTemplates.remove(file, id, options);
        }

        @Override
        String done(PartnerId id) {
            return "removed " + id + " from";
        }
    }

    @Command(name = "api-version", mixinStandardHelpOptions = true,
            description = "Set the apiVersion of the tracking deployment (in Bicep, its type after @) and nothing else:"
                    + " the fix for arm-ttk's \"apiVersions Should Be Recent\" (CUA029).",
            footer = {"", "Example:  attribution template api-version mainTemplate.json"})
    static final class ApiVersion implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--api-version", defaultValue = TemplateOptions.DEFAULT_API_VERSION,
                description = "The apiVersion to set (default ${DEFAULT-VALUE}, the newest stable one this release"
                        + " knows); an older one only for a cloud that lags, such as Azure Stack Hub.")
        String apiVersion;

        @Option(names = "--dry-run", description = "Print a unified diff and write nothing.")
        boolean dryRun;

        @Option(names = "--force", description = "Edit the file even when it is read-only (its mode is kept).")
        boolean force;

        @Parameters(paramLabel = "FILE", description = "The main template (.json or .bicep).")
        Path file;

        @Override
        public Integer call() throws IOException {
            TemplateOptions options = Failure.judging(() -> TemplateOptions.defaults().withApiVersion(apiVersion)
                    .withDryRun(dryRun).withForce(force));
            return report(spec.commandLine().getOut(), file, dryRun, ArmTemplates.setApiVersion(file, options),
                    "set apiVersion " + apiVersion + " in");
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Set the tracking resource's id (a GUID may change); adds it when there is none.",
            footer = {"", "Example:", "  attribution template replace mainTemplate.json \\",
                    "      --pid 2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e"})
    static final class Replace extends Edit {
        @Override
        TemplateEdit edit(Path file, PartnerId id, TemplateOptions options) throws IOException {
            return ArmTemplates.replace(file, id, options);
        }

        @Override
        String done(PartnerId id) {
            return "set " + id + " in";
        }
    }
}
