package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.internal.BicepEditor;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.EditRefused;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.Note;
import io.github.partnerattribution.templates.internal.Pipeline;
import io.github.partnerattribution.templates.internal.TemplateChecker;
import io.github.partnerattribution.templates.internal.TemplateEditor;
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
        if (Pipeline.isPackage(file)) {
            return checkPackage(file, options).findings(); // a deployment package: the archive and what it holds
        }
        return Pipeline.checking(options, FINDINGS).check(file, TemplateRole.of(file));
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
        Pipeline<Finding> run = Pipeline.checking(options, FINDINGS);
        try {
            return run.check(run.unit(Paths.get(fileName), content), role, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // content in memory: nothing is read again
        }
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
     * scope, a new symbolic name in a {@code languageVersion} 2.0 template, the file's own layout. With an opt-out
     * parameter ({@link TemplateOptions#withOptOutParameter}) it is deployed only under that parameter ({@code
     * condition} in JSON, {@code if (...)} in Bicep), which is added as a {@code bool} with attribution on by default
     * unless the template declares one of that name; {@link #remove} takes both away again.
     *
     * @param file the main template ({@code .json} or {@code .bicep})
     * @param partnerId the partner's id
     * @param options the apiVersion to write ({@link TemplateOptions#DEFAULT_API_VERSION} unless set), an opt-out
     *     parameter, dry run
     * @return the edit; unchanged (and the file not written) when the same id is already there
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON, a nested or linked template, or another id already present
     */
    public static TemplateEdit add(Path file, PartnerId partnerId, TemplateOptions options) throws IOException {
        requireId(partnerId);
        return edit(file, options, before -> Pipeline.isBicep(file) ? bicepEdit(file, before, options,
                editor -> editor.add(partnerId, options.apiVersion(), options.optOutParameter()))
                : TemplateEditor.of(file, before, options).add(partnerId, options.apiVersion(),
                        options.optOutParameter()));
    }

    /**
     * Removes the tracking resource of {@code partnerId} from a main template, JSON or Bicep: the resource (in Bicep
     * the declaration and its decorators) and the separator it owns, and the opt-out parameter {@link #add} wrote for
     * it when nothing else reads that; after {@link #add} it gives the original bytes back.
     *
     * @param file the main template
     * @param partnerId the id whose tracking resource goes; null for every tracking resource
     * @param options dry run or not
     * @return the edit; unchanged when there was none
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON or a nested or linked template
     */
    public static TemplateEdit remove(Path file, PartnerId partnerId, TemplateOptions options) throws IOException {
        if (Pipeline.isBicep(file)) {
            return edit(file, options, before -> bicepEdit(file, before, options, editor -> editor.remove(partnerId)));
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
        if (Pipeline.isBicep(file)) {
            return edit(file, options, before -> bicepEdit(file, before, options, editor -> {
                String replaced = editor.replace(partnerId);
                return replaced != null || editor.holdsTracking() ? replaced
                        : editor.add(partnerId, options.apiVersion());
            }));
        }
        return edit(file, options, before -> TemplateEditor.of(file, before, options).replace(partnerId,
                options.apiVersion()));
    }

    /**
     * Sets the {@code apiVersion} of a main template's tracking resources (in Bicep the part of the type after
     * {@code @}) to {@link TemplateOptions#apiVersion()}, the newest stable one unless set, and changes no other byte:
     * the fix arm-ttk's "apiVersions Should Be Recent" asks for (CUA029).
     *
     * <pre>{@code
     * TemplateEdit edit = ArmTemplates.setApiVersion(Paths.get("mainTemplate.json"), TemplateOptions.defaults());
     * }</pre>
     *
     * @param file the main template
     * @param options the apiVersion, dry run
     * @return the edit; unchanged when each tracking resource already has it
     * @throws IOException if the file cannot be read or written
     * @throws TemplateException for invalid JSON, a nested or linked template, no tracking resource, or an
     *     {@code apiVersion} that is not a literal
     */
    public static TemplateEdit setApiVersion(Path file, TemplateOptions options) throws IOException {
        if (Pipeline.isBicep(file)) {
            return edit(file, options, before -> bicepEdit(file, before, options,
                    editor -> editor.setApiVersion(options.apiVersion())));
        }
        return edit(file, options, before -> TemplateEditor.of(file, before, options).setApiVersion(
                options.apiVersion()));
    }

    /**
     * Scans a solution folder in one one-way pipeline: discovery (the {@code .json} and {@code .bicep} files), sources
     * (each read and parsed once; JSON is a template when its {@code $schema} says so), links (each
     * {@code templateLink} and Bicep {@code module} resolved as ARM and Bicep would: through variables, parameter
     * defaults and {@code allowedValues}, {@code concat}, {@code format} and {@code uri}, then matched against the
     * tree), graph (the final roles: main, nested, linked, a sample that is an entry point of its own, or a helper
     * only samples and tests call; a template that the folder's Markdown, scripts or pipelines deploy directly is
     * main), then the rules, each run once per file in its final role. A zip is checked as a Marketplace package when
     * it holds {@code mainTemplate.json} or {@code createUiDefinition.json}; any other zip is an artifact, counted in a
     * note. What could not be resolved or decided is a note.
     *
     * @param root the solution folder
     * @param options properties and extra main names
     * @return the report
     * @throws IOException if the folder cannot be walked or a template read
     */
    public static ScanReport scan(Path root, TemplateOptions options) throws IOException {
        return report(root, Pipeline.scanning(options, FINDINGS).scan(root));
    }

    private static ScanReport report(Path root, Pipeline.Result<Finding> result) {
        List<ScannedTemplate> templates = new ArrayList<>(result.templates.size());
        for (Pipeline.Checked<Finding> t : result.templates) {
            templates.add(new ScannedTemplate(t.file, t.role, t.findings, t.ids));
        }
        List<String> notes = new ArrayList<>(result.notes.size());
        for (Note note : result.notes) {
            notes.add(note.words);
        }
        return new ScanReport(root, templates, notes, result.followed, result.unresolved);
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
        Pipeline.Result<Finding> result = new Pipeline.Result<>();
        Pipeline.checking(options, FINDINGS).checkPackage(zip, result);
        return report(zip.toAbsolutePath().normalize().getParent(), result);
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
        return report(Paths.get("").toAbsolutePath(), Pipeline.checking(options, FINDINGS).checkAll(files));
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
        for (JsonModel.Candidate t : JsonModel.of("template", content, options).sites()) {
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
        try {
            if (options.dryRun()) {
                byte[] before = FileEdit.read(file, JsonModel.ARM_MAX_BYTES);
                byte[] after = change.apply(before);
                return new TemplateEdit(file, before, after == null ? before : after, false);
            }
            byte[][] edit = FileEdit.edit(file, options.force(), false, JsonModel.ARM_MAX_BYTES, change);
            return edit[1] == null ? new TemplateEdit(file, edit[0], edit[0], false)
                    : new TemplateEdit(file, edit[0], edit[1], true);
        } catch (FileEdit.TooLarge e) {
            // ARM refuses a template over 4 MB (and a Bicep file over it compiles to a larger one): told from the
            // size, before the file is read whole
            throw new TemplateException(file, e.size + " bytes, over the " + e.limit + " bytes (4 MB) ARM accepts for"
                    + (Pipeline.isBicep(file) ? " the template a Bicep file compiles to" : " a template")
                    + ", so it cannot be deployed as it is. Nothing was changed.");
        }
    }

    /**
     * A Bicep edit of a main file's text, made by {@link BicepEditor} from its syntax tree: refused for a module or a
     * file that is not UTF-8; null when unchanged.
     */
    private static byte[] bicepEdit(Path file, byte[] before, TemplateOptions options, BicepChange change) {
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
            BicepModel.Loader loader = Pipeline.checking(options, FINDINGS).loader(file.toAbsolutePath().getParent());
            String after = change.apply(BicepEditor.of(file.toString(), Utf8.text(before), loader));
            return after == null ? null : Utf8.bytes(after, Utf8.hasBom(before));
        } catch (EditRefused refused) {
            throw new TemplateException(file, refused.getMessage());
        }
    }

    /** One edit of a Bicep file's text: the new text, or null when nothing changes. */
    private interface BicepChange {
        String apply(BicepEditor editor);
    }

    private static void requireId(PartnerId id) {
        if (id == null) {
            throw new NullPointerException("partnerId must not be null");
        }
    }

    /** Findings made as this API's {@link Finding}. */
    private static final TemplateChecker.Findings<Finding> FINDINGS = Finding::new;
}
