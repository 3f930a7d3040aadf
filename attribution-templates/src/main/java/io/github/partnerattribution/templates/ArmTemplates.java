package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.internal.FileEdit;
import io.github.partnerattribution.templates.internal.BicepEditor;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.Discovery;
import io.github.partnerattribution.templates.internal.EditRefused;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.LinkResolver;
import io.github.partnerattribution.templates.internal.PackageArchive;
import io.github.partnerattribution.templates.internal.PackageModel;
import io.github.partnerattribution.templates.internal.SolutionGraph;
import io.github.partnerattribution.templates.internal.Source;
import io.github.partnerattribution.templates.internal.TemplateChecker;
import io.github.partnerattribution.templates.internal.TemplateEditor;
import io.github.partnerattribution.templates.internal.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template path of customer usage attribution: check a template for the tracking resource, add, remove or
 * replace it, and scan a whole solution folder.
 *
 * <p>The tracking resource is an empty {@code Microsoft.Resources/deployments} named {@code pid-<guid>}, in the
 * main template only ({@code mainTemplate.json} or {@code azuredeploy.json}; {@code main.bicep} for Bicep). Checks
 * read templates as partners write them: names built with {@code concat}, {@code format}, {@code variables},
 * {@code parameters}, {@code take} and {@code uniqueString}, build placeholders {@code ${...}} (resolved with a
 * properties file), {@code languageVersion} 2.0 templates, and {@code //} and {@code /* *}{@code /} comments.
 *
 * <p>Edits change the tracking resource and nothing else: indentation, key order, comments, line endings and a
 * byte order mark are kept, so the diff is exactly the inserted block, and a second {@code add} changes no byte.
 * The result is parsed again before it is written, and written atomically (a temp file in the same folder, then
 * a move); on any error the file is untouched.
 *
 * <pre>{@code
 * List<Finding> findings = ArmTemplates.check(Paths.get("mainTemplate.json"));
 * ArmTemplates.add(Paths.get("mainTemplate.json"), PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
 * ScanReport report = ArmTemplates.scan(Paths.get("."));
 * }</pre>
 */
public final class ArmTemplates {

    private ArmTemplates() {
    }

    /**
     * Checks one template, its role taken from its path (nested or linked by folder, otherwise main); a {@code .zip}
     * is checked as a deployment package, its findings and those of the templates in it together.
     *
     * @param file a JSON template, a Bicep file or a deployment package
     * @return the findings, in file order; empty when all is well
     * @throws IOException if the file cannot be read
     */
    public static List<Finding> check(Path file) throws IOException {
        return check(file, TemplateOptions.defaults());
    }

    /**
     * Checks one template with options (build properties for {@code ${...}} placeholders).
     *
     * @param file a JSON template, a Bicep file or a deployment package (.zip)
     * @param options the options
     * @return the findings, in file order
     * @throws IOException if the file cannot be read
     */
    public static List<Finding> check(Path file, TemplateOptions options) throws IOException {
        if (isPackage(file)) {
            return checkPackage(file, options).findings(); // a deployment package: the archive and what it holds
        }
        return check(file, TemplateRole.of(file), options);
    }

    /**
     * Every rule the checker applies, in code order: the catalogue SARIF's rules and {@code attribution template
     * rules} are made from.
     *
     * @return the rules, unmodifiable
     */
    public static List<Rule> rules() {
        return Rule.all();
    }

    /**
     * Checks template content that is not (or not yet) a file.
     *
     * @param content the bytes, UTF-8, with or without a byte order mark
     * @param fileName the name to report findings under; a name ending in {@code .bicep} is read as Bicep
     * @param role the template's role
     * @param options the options
     * @return the findings, in file order
     */
    public static List<Finding> check(byte[] content, String fileName, TemplateRole role, TemplateOptions options) {
        return check(content, fileName, null, role, options);
    }

    /** Checks content; a Bicep file's {@code load...Content} files are read from {@code folder} when it is known. */
    private static List<Finding> check(byte[] content, String fileName, Path folder, TemplateRole role,
            TemplateOptions options) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".bicep")) {
            if (Utf8.firstInvalid(content, Utf8.hasBom(content) ? 3 : 0) >= 0) {
                // not UTF-8: the one finding that says so, as for JSON
                return sorted(TemplateChecker.check(JsonModel.of(fileName, content, role, options), FINDINGS));
            }
            return sorted(TemplateChecker.check(BicepModel.of(fileName, Utf8.text(content), role, folder), FINDINGS));
        }
        return sorted(TemplateChecker.check(JsonModel.of(fileName, content, role, options), FINDINGS));
    }

    /**
     * Adds the tracking resource for {@code partnerId} to a main template, with the default apiVersion.
     *
     * @param file the main template
     * @param partnerId the partner's id
     * @return the edit; unchanged when the id is already there
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException if the template cannot take it (see {@link #add(Path, PartnerId, TemplateOptions)})
     */
    public static TemplateEdit add(Path file, PartnerId partnerId) throws IOException {
        return add(file, partnerId, TemplateOptions.defaults());
    }

    /**
     * Adds the tracking resource as the last resource of a main template: {@code location} above resource-group
     * scope, a new symbolic name in a {@code languageVersion} 2.0 template, the file's own layout.
     *
     * @param file the main template ({@code .json} or {@code .bicep})
     * @param partnerId the partner's id
     * @param options the apiVersion to write ({@link TemplateOptions#DEFAULT_API_VERSION} unless set), dry run
     * @return the edit; unchanged (and the file not written) when the same id is already there
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON, a nested or linked template, or another id already present
     */
    public static TemplateEdit add(Path file, PartnerId partnerId, TemplateOptions options) throws IOException {
        requireId(partnerId);
        return edit(file, options, before -> isBicep(file) ? bicepAdd(file, before, partnerId, options)
                : TemplateEditor.of(file, before, options).add(partnerId, options.apiVersion()));
    }

    /**
     * Removes the tracking resource of {@code partnerId} from a main template, JSON or Bicep: the resource (in Bicep
     * the declaration and its decorators) and the separator it owns, nothing else; after {@link #add} it gives the
     * original bytes back.
     *
     * @param file the main template
     * @param partnerId the id whose tracking resource goes; null for every tracking resource
     * @param options dry run or not
     * @return the edit; unchanged when there was none
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON or a nested or linked template
     */
    public static TemplateEdit remove(Path file, PartnerId partnerId, TemplateOptions options) throws IOException {
        if (isBicep(file)) {
            return edit(file, options, before -> bicepEdit(file, before, text -> BicepEditor.of(file, text)
                    .remove(partnerId)));
        }
        return edit(file, options, before -> TemplateEditor.of(file, before, options).remove(partnerId));
    }

    /**
     * Sets the id of a main template's tracking resource, JSON or Bicep (adding it when there is none): a GUID may
     * change; new deployments then count for the new one. Only a literal name is rewritten.
     *
     * @param file the main template
     * @param partnerId the new id
     * @param options the apiVersion for an added resource, dry run
     * @return the edit; unchanged when the id is already the one there
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON, a nested or linked template, or a name built by an expression
     */
    public static TemplateEdit replace(Path file, PartnerId partnerId, TemplateOptions options) throws IOException {
        requireId(partnerId);
        if (isBicep(file)) {
            return edit(file, options, before -> {
                byte[] replaced = bicepEdit(file, before, text -> BicepEditor.of(file, text).replace(partnerId));
                return replaced != null || holdsTracking(file, before) ? replaced : bicepAdd(file, before, partnerId,
                        options);
            });
        }
        return edit(file, options, before -> TemplateEditor.of(file, before, options).replace(partnerId,
                options.apiVersion()));
    }

    /**
     * Scans a solution folder in one one-way pipeline: discovery (the {@code .json} and {@code .bicep} files), sources
     * (each read and parsed once; JSON is a template when its {@code $schema} says so), links (each
     * {@code templateLink} and Bicep {@code module} resolved as ARM and Bicep would: through variables, parameter
     * defaults and {@code allowedValues}, {@code concat}, {@code format} and {@code uri}, then matched against the
     * tree), graph (the final roles: main, nested, linked, or a sample that is an entry point of its own), then the
     * rules, each run once per file in its final role. What could not be resolved or decided is a note.
     *
     * @param root the solution folder
     * @param options properties and extra main names
     * @return the report
     * @throws IOException if the folder cannot be walked or a template read
     */
    public static ScanReport scan(Path root, TemplateOptions options) throws IOException {
        Map<Path, Source> sources = new TreeMap<>();
        int jsonRead = 0;
        long retained = 0;
        List<Path> packages = new ArrayList<>();
        for (Path file : Discovery.walk(root)) {
            if (isPackage(file)) {
                packages.add(file);
                continue;
            }
            jsonRead += isBicep(file) ? 0 : 1;
            Source source = Source.read(file, options);
            if (source != null) {
                retained += source.size();
                if (retained > RETAINED_MAX_BYTES) {
                    source.release(); // read again by the rules stage: memory stays bounded on any tree
                }
                sources.put(file, source);
            }
        }
        LinkResolver resolver = LinkResolver.of(root, sources.keySet());
        SolutionGraph graph = SolutionGraph.of(root, sources, resolver, options, jsonRead);
        List<ScannedTemplate> templates = new ArrayList<>();
        for (TemplateRole role : TemplateRole.values()) {
            for (Map.Entry<Path, TemplateRole> entry : graph.roles().entrySet()) {
                if (entry.getValue() == role) {
                    templates.add(new ScannedTemplate(entry.getKey(), role, check(sources.get(entry.getKey()), role)));
                }
            }
        }
        List<String> notes = new ArrayList<>(graph.notes());
        int followed = graph.followed();
        int unresolved = graph.unresolved();
        for (Path zip : packages) {
            int[] links = checkPackage(zip, options, templates, notes);
            followed += links[0];
            unresolved += links[1];
        }
        if (!packages.isEmpty()) {
            notes.removeIf(n -> n.startsWith("no deployment templates under ")); // the packages hold them
        }
        return new ScanReport(root, templates, notes, followed, unresolved);
    }

    private static boolean isPackage(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Parsed sources a scan keeps for its rules stage, in bytes; beyond it, a file is read again when checked. */
    private static final long RETAINED_MAX_BYTES = 256L * 1024 * 1024;

    /** The rules stage: every rule once, on the model the sources stage read, in the file's final role. */
    private static List<Finding> check(Source source, TemplateRole role) throws IOException {
        BicepModel bicep = source.bicep(role);
        return sorted(bicep != null ? TemplateChecker.check(bicep, FINDINGS)
                : TemplateChecker.check(source.json(role), FINDINGS));
    }

    /**
     * Checks a Marketplace deployment package (an Azure Application plan's {@code .zip}) as Partner Center reads it:
     * in memory (never extracted), {@code mainTemplate.json} and {@code createUiDefinition.json} at the root of the
     * archive, the UI definition's {@code $schema} and {@code handler}, links resolved inside the archive, the
     * attribution rules on the main template and the templates it links, and Partner Center's own rules: a main
     * template that deploys other deployments and has no tracking resource is refused (CUA023); one without either
     * gets Partner Center's {@code pid-<guid>-partnercenter} on upload (a note, not CUA001); languageVersion 2.0 is
     * refused for managed applications (CUA024). An archive that is not a plain archive of files (a zip bomb, names
     * leading out of it, links, the same name twice) is refused whole (CUA025). Findings name
     * {@code offer.zip!/nested/x.json}.
     *
     * @param zip the package
     * @param options properties for placeholders
     * @return the report: the package as a whole (role {@link TemplateRole#PACKAGE}), then its templates
     * @throws IOException if the file cannot be read
     */
    public static ScanReport checkPackage(Path zip, TemplateOptions options) throws IOException {
        List<ScannedTemplate> templates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] links = checkPackage(zip, options, templates, notes);
        return new ScanReport(zip.toAbsolutePath().normalize().getParent(), templates, notes, links[0], links[1]);
    }

    /** Checks one package into {@code templates} and {@code notes}; returns the links followed and not resolved. */
    private static int[] checkPackage(Path zip, TemplateOptions options, List<ScannedTemplate> templates,
            List<String> notes) throws IOException {
        String name = zip.toString();
        PackageModel model;
        Map<Path, Source> sources = new TreeMap<>();
        Path inside = Paths.get(name + "!");
        long size = Files.size(zip);
        if (size > JsonModel.READ_MAX_BYTES) {
            model = PackageModel.refused(name, "it is " + size + " bytes; at most "
                    + JsonModel.READ_MAX_BYTES + " are read");
        } else {
            try {
                PackageArchive archive = PackageArchive.read(FileEdit.read(zip));
                JsonModel main = null;
                for (Map.Entry<String, byte[]> e : archive.entries().entrySet()) {
                    String entry = e.getKey().toLowerCase(Locale.ROOT);
                    if (!entry.endsWith(".json") && !entry.endsWith(".bicep")) {
                        continue;
                    }
                    Path virtual = inside.resolve(e.getKey());
                    Source source;
                    if (e.getKey().equals(PackageModel.MAIN)) {
                        // parsed once: Partner Center's rules read the whole model, the attribution rules its source
                        main = JsonModel.of(virtual.toString(), e.getValue(), TemplateRole.MAIN, options);
                        source = Source.of(virtual, main, options);
                    } else {
                        source = Source.of(virtual, e.getValue(), options);
                    }
                    if (source != null) {
                        sources.put(virtual, source);
                    }
                }
                model = PackageModel.of(name, archive.entries(), main);
            } catch (PackageArchive.Refused refused) {
                model = PackageModel.refused(name, refused.getMessage());
            }
        }
        List<Finding> packageFindings = sorted(TemplateChecker.check(model, FINDINGS));
        templates.add(new ScannedTemplate(zip, TemplateRole.PACKAGE, packageFindings));
        if (sources.isEmpty()) {
            return new int[] {0, 0};
        }
        Path mainPath = inside.resolve(PackageModel.MAIN);
        LinkResolver resolver = LinkResolver.of(inside, sources.keySet());
        SolutionGraph graph = SolutionGraph.of(inside, sources, resolver, options.withMainNames(
                Collections.singletonList(mainPath.toString())), 0);
        JsonModel main = model.main();
        boolean partnerCenterAdds = main != null && main.checkable() && main.sites().isEmpty()
                && main.topLevelDeployments() == 0;
        for (TemplateRole role : TemplateRole.values()) {
            for (Map.Entry<Path, TemplateRole> entry : graph.roles().entrySet()) {
                // in a package only mainTemplate.json at the root is main; every other template is one it deploys
                boolean isMain = entry.getKey().equals(mainPath);
                TemplateRole actual = isMain ? TemplateRole.MAIN : entry.getValue() == TemplateRole.MAIN
                        ? TemplateRole.LINKED : entry.getValue();
                if (actual != role) {
                    continue;
                }
                List<Finding> findings = check(sources.get(entry.getKey()), actual);
                if (isMain) {
                    // Partner Center's rules stand in for CUA001 here: CUA023, or its own tracking resource on upload
                    List<Finding> kept = new ArrayList<>();
                    for (Finding f : findings) {
                        if (!f.code().equals("CUA001")) {
                            kept.add(f);
                        }
                    }
                    findings = kept;
                }
                templates.add(new ScannedTemplate(entry.getKey(), actual, findings));
            }
        }
        for (String note : graph.notes()) {
            if (!note.startsWith("found ")) { // "no main one": in a package, the main one is named
                notes.add(note);
            }
        }
        if (partnerCenterAdds) {
            notes.add(mainPath + " has no tracking resource and no other deployments: Partner Center adds its own,"
                    + " pid-<guid>-partnercenter, when the package is uploaded; if the same template also ships outside"
                    + " the Marketplace, add your own (attribution template add) so those deployments count too");
        }
        return new int[] {graph.followed(), graph.unresolved()};
    }

    /**
     * Checks the given files, each in the role its path implies, or main when the options name it
     * ({@link TemplateOptions#withMainNames}, by file name or path); a {@code .zip} is checked as a deployment package
     * ({@link #checkPackage}). Reported together, paths relative to the working folder.
     *
     * @param files templates, JSON or Bicep, or deployment packages
     * @param options properties and extra main names
     * @return the report
     * @throws IOException if a file cannot be read
     */
    public static ScanReport checkAll(List<Path> files, TemplateOptions options) throws IOException {
        List<ScannedTemplate> templates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int followed = 0;
        int unresolved = 0;
        for (Path file : files) {
            if (isPackage(file)) {
                int[] links = checkPackage(file, options, templates, notes);
                followed += links[0];
                unresolved += links[1];
                continue;
            }
            TemplateRole role = options.namesAsMain(file) ? TemplateRole.MAIN : TemplateRole.of(file);
            templates.add(new ScannedTemplate(file, role, check(file, role, options)));
        }
        return new ScanReport(Paths.get("").toAbsolutePath(), templates, notes, followed, unresolved);
    }

    /**
     * {@link #scan(Path, TemplateOptions)} with default options.
     *
     * @param root the solution folder
     * @return the report
     * @throws IOException if the folder cannot be walked or a template read
     */
    public static ScanReport scan(Path root) throws IOException {
        return scan(root, TemplateOptions.defaults());
    }

    /**
     * The partner ids of a JSON template's tracking resources, in file order.
     *
     * @param content the template's bytes
     * @param options properties for placeholders
     * @return the ids found; empty when there is none or the content is not a template
     */
    public static List<PartnerId> partnerIds(byte[] content, TemplateOptions options) {
        List<PartnerId> ids = new ArrayList<>();
        for (JsonModel.Candidate t : JsonModel.of("template", content, TemplateRole.MAIN, options).sites()) {
            if (t.id() != null && t.level() == 0) {
                ids.add(t.id());
            }
        }
        return ids;
    }

    /**
     * One edit of a template file, through {@link FileEdit}: regular files only, symbolic links followed, mode and
     * owner kept, read-only files only with {@link TemplateOptions#withForce(boolean)}, concurrent edits one after
     * the other, each computed from what the previous one wrote. A dry run reads and computes, and writes nothing.
     */
    private static TemplateEdit edit(Path file, TemplateOptions options, FileEdit.Change computed) throws IOException {
        FileEdit.Change change = before -> {
            try {
                return computed.apply(before);
            } catch (EditRefused refused) {
                throw new TemplateException(file, refused.getMessage());
            }
        };
        if (options.dryRun()) {
            byte[] before = FileEdit.read(file);
            byte[] after = change.apply(before);
            return new TemplateEdit(file, before, after == null ? before : after, false);
        }
        byte[][] edit = FileEdit.edit(file, options.force(), false, change);
        return edit[1] == null ? new TemplateEdit(file, edit[0], edit[0], false)
                : new TemplateEdit(file, edit[0], edit[1], true);
    }

    /** A Bicep edit of a main file's text: refused for a module or a file that is not UTF-8; null when unchanged. */
    private static byte[] bicepEdit(Path file, byte[] before, java.util.function.UnaryOperator<String> change) {
        TemplateRole role = TemplateRole.of(file);
        if (role != TemplateRole.MAIN) {
            throw new TemplateException(file, "this is a " + role.name().toLowerCase(Locale.ROOT) + " Bicep file;"
                    + " attribution belongs in the main file only. Nothing was changed.");
        }
        int invalid = Utf8.firstInvalid(before, Utf8.hasBom(before) ? 3 : 0);
        if (invalid >= 0) {
            throw new TemplateException(file, JsonModel.notUtf8(before, invalid).getMessage() + ". Nothing was changed.");
        }
        try {
            String after = change.apply(Utf8.text(before));
            return after == null ? null : Utf8.bytes(after, Utf8.hasBom(before));
        } catch (EditRefused refused) {
            throw new TemplateException(file, refused.getMessage());
        }
    }

    private static boolean holdsTracking(Path file, byte[] before) {
        return BicepEditor.of(file, Utf8.text(before)).holdsTracking();
    }

    private static byte[] bicepAdd(Path file, byte[] before, PartnerId id, TemplateOptions options) {
        return bicepEdit(file, before, text -> {
            BicepModel bicep = BicepModel.of(file.toString(), text, TemplateRole.MAIN, file.toAbsolutePath().getParent());
            if (!bicep.deployable()) {
                throw new EditRefused("it only declares types or functions (no resource, module or output): it is a"
                        + " library other files import, not a deployable template, so it takes no tracking resource."
                        + " Nothing was changed.");
            }
            if (bicep.holds(id)) {
                return null;
            }
            if (!bicep.ids().isEmpty()) {
                throw new EditRefused("it already holds a tracking resource for " + bicep.ids().get(0)
                        + "; replace it instead (attribution template replace). Nothing was changed.");
            }
            return BicepModel.withTrackingResource(file, text, id, options.apiVersion());
        });
    }

    /** One file, in a role; a file over the read limit is judged by its size alone. */
    private static List<Finding> check(Path file, TemplateRole role, TemplateOptions options) throws IOException {
        byte[] content = readBounded(file);
        if (content == null) {
            return sorted(TemplateChecker.check(JsonModel.unread(file.toString(), Files.size(file), role, options),
                    FINDINGS));
        }
        Path folder = file.toAbsolutePath().getParent();
        return check(content, file.toString(), folder, role, options);
    }

    /**
     * A template file's bytes, or null when it is over {@link JsonModel#READ_MAX_BYTES}: far beyond what ARM accepts,
     * it is reported by its size and never read, so a huge file cannot exhaust memory.
     */
    private static byte[] readBounded(Path file) throws IOException {
        if (Files.size(file) > JsonModel.READ_MAX_BYTES) {
            return null;
        }
        return FileEdit.read(file);
    }

    private static boolean isBicep(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bicep");
    }

    private static void requireId(PartnerId id) {
        if (id == null) {
            throw new NullPointerException("partnerId must not be null");
        }
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(BY_POSITION);
        return Collections.unmodifiableList(out);
    }

    // Classes rather than a method reference and a lambda: the first lambda a JVM links costs a short command some
    // 5 ms, more than checking a small template (see TemplateChecker).

    /** Findings made as this API's {@link Finding}. */
    private static final TemplateChecker.Findings<Finding> FINDINGS = new TemplateChecker.Findings<Finding>() {
        @Override
        public Finding make(String code, Severity severity, String file, int line, int column, String message,
                String hint) {
            return new Finding(code, severity, file, line, column, message, hint);
        }
    };

    /** By line, then column, then code. */
    private static final java.util.Comparator<Finding> BY_POSITION = new java.util.Comparator<Finding>() {
        @Override
        public int compare(Finding a, Finding b) {
            return a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : a.column() != b.column() ? Integer.compare(a.column(), b.column()) : a.code().compareTo(b.code());
        }
    };
}
