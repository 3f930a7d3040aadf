package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.internal.FileEdit;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sources stage of a scan: one file, read and parsed once into what the later stages need (its model, which the
 * rules check once its role is known, and the links it makes). A file too large to read is judged by its size; JSON
 * that is not a deployment template is no source at all. Not API.
 *
 * <pre>{@code
 * Source s = Source.read(file, options); // null for JSON that is not a template
 * List<LinkRef> links = s.links();
 * JsonModel model = s.json(TemplateRole.LINKED);
 * }</pre>
 */
public final class Source {
    private final Path file;
    private final TemplateOptions options;
    private final boolean bicep;
    private final List<LinkRef> links;
    private final long size;
    private final boolean deployable;
    private JsonModel json;
    private BicepModel bicepModel;

    private Source(Path file, TemplateOptions options, boolean bicep, List<LinkRef> links, long size,
            boolean deployable, JsonModel json, BicepModel bicepModel) {
        this.file = file;
        this.options = options;
        this.bicep = bicep;
        this.links = Collections.unmodifiableList(links);
        this.size = size;
        this.deployable = deployable;
        this.json = json;
        this.bicepModel = bicepModel;
    }

    /** Reads one file; null when it is JSON but not a deployment template (no such {@code $schema}). */
    public static Source read(Path file, TemplateOptions options) throws IOException {
        boolean bicep = isBicep(file);
        long size = Files.size(file);
        if (size > JsonModel.READ_MAX_BYTES) {
            // far beyond what ARM accepts: reported by its size and never read, so a huge file cannot exhaust memory
            return new Source(file, options, bicep, Collections.<LinkRef>emptyList(), size, true,
                    JsonModel.unread(file.toString(), size, TemplateRole.MAIN, options), null);
        }
        return of(file, FileEdit.read(file), options, file.toAbsolutePath().getParent());
    }

    /**
     * A file's content, read from elsewhere (an archive): Bicep's loaded files are then not read, since they are not
     * on disk beside it.
     */
    public static Source of(Path file, byte[] content, TemplateOptions options) {
        return of(file, content, options, null);
    }

    /** A file's content; a Bicep file loads its files from {@code folder} (null: none). */
    private static Source of(Path file, byte[] content, TemplateOptions options, Path folder) {
        long size = content.length;
        if (isBicep(file)) {
            if (Utf8.firstInvalid(content, Utf8.hasBom(content) ? 3 : 0) >= 0) {
                // not UTF-8: the one finding that says so, as for JSON
                return new Source(file, options, true, Collections.<LinkRef>emptyList(), size, true,
                        JsonModel.of(file.toString(), content, TemplateRole.MAIN, options), null);
            }
            BicepModel model = BicepModel.of(file.toString(), Utf8.text(content), TemplateRole.MAIN, folder);
            return new Source(file, options, true, model.links(), size, model.deployable(), null, model);
        }
        if (!JsonModel.mayBeTemplate(content)) {
            return null;
        }
        return of(file, JsonModel.of(file.toString(), content, TemplateRole.MAIN, options), options);
    }

    /**
     * A JSON template already parsed (a package's main template, which its own rules read too); null when it is not
     * a template. Its links are evaluated now, and only its compact model is kept.
     */
    public static Source of(Path file, JsonModel model, TemplateOptions options) {
        // A template is what names a deployment template's $schema; one that cannot be parsed is kept when its
        // bytes do, so its syntax error is reported rather than the file skipped.
        if (!model.hasTemplateSchema() && model.syntaxError() == null) {
            return null;
        }
        for (LinkRef link : model.links()) {
            link.patterns();
        }
        return new Source(file, options, false, model.links(), model.size(), true, model.compact(), null);
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return whether it is a Bicep file} */
    public boolean bicep() {
        return bicep;
    }

    /** {@return the links it makes, in file order} */
    public List<LinkRef> links() {
        return links;
    }

    /** {@return its size in bytes, as read} */
    public long size() {
        return size;
    }

    /** {@return false for a Bicep file that only declares types or functions for others: not a template} */
    public boolean deployable() {
        return deployable;
    }

    /** Lets go of the parsed model (a scan over its memory budget); the rules stage then reads the file again. */
    public void release() {
        if (size <= JsonModel.READ_MAX_BYTES) {
            json = null;
            bicepModel = null;
        }
    }

    /** {@return the JSON model in {@code role}, or null for a Bicep model} */
    public JsonModel json(TemplateRole role) throws IOException {
        reload();
        return json == null ? null : json.withRole(role);
    }

    /** {@return the Bicep model in {@code role}, or null when the file is read as JSON (or is not UTF-8)} */
    public BicepModel bicep(TemplateRole role) throws IOException {
        reload();
        return bicepModel == null ? null : bicepModel.withRole(role);
    }

    private void reload() throws IOException {
        if (json == null && bicepModel == null) {
            Source again = read(file, options);
            if (again == null) {
                throw new IOException(file + " changed while it was scanned: it is no longer a template");
            }
            json = again.json;
            bicepModel = again.bicepModel;
        }
    }

    static boolean isBicep(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bicep");
    }
}
