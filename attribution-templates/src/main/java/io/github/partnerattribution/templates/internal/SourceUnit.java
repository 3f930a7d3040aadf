package io.github.partnerattribution.templates.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * One file of a run, read and parsed once: a JSON template's {@link JsonModel}, or a Bicep file's syntax tree (bound
 * into its {@link BicepModel} when first asked), with what the graph needs of it: its links, whether it is a template
 * at all, whether it is deployable. A unit has no role: the caller gives one to the rules. Not API.
 */
public final class SourceUnit {
    final Path file;
    final String name;
    final long size;
    private JsonModel json;
    private BicepSyntax.File syntax;
    private BicepModel bicep;
    private final BicepModel.Loader loader;
    private final boolean template;
    private final boolean deployable;
    private final List<LinkRef> links;

    private SourceUnit(Path file, String name, long size, JsonModel json, BicepSyntax.File syntax,
            BicepModel.Loader loader, boolean template, boolean deployable, List<LinkRef> links) {
        this.file = file;
        this.name = name;
        this.size = size;
        this.json = json;
        this.syntax = syntax;
        this.loader = loader;
        this.template = template;
        this.deployable = deployable;
        this.links = Collections.unmodifiableList(links);
    }

    /** A JSON file, parsed; a Bicep file that is not UTF-8 is one too (its one finding says so). */
    static SourceUnit json(Path file, String name, JsonModel model) {
        boolean template = model.hasTemplateSchema() || model.syntaxError() != null || model.unread();
        return new SourceUnit(file, name, model.size(), model, null, null, template, true, model.links());
    }

    /** JSON that is no deployment template (it does not even name one): a scan passes it over unparsed. */
    static SourceUnit notATemplate(Path file, String name, long size) {
        return new SourceUnit(file, name, size, null, null, null, false, false, Collections.<LinkRef>emptyList());
    }

    /** A Bicep file, parsed; bound on first use with {@code loader}. */
    static SourceUnit bicep(Path file, String name, long size, BicepSyntax.File syntax, BicepModel.Loader loader) {
        return new SourceUnit(file, name, size, null, syntax, loader, true, BicepModel.deployable(syntax),
                BicepModel.links(syntax));
    }

    /** {@return the file (within an archive, a path under {@code offer.zip!})} */
    public Path file() {
        return file;
    }

    /** {@return whether a scan takes it as a template: JSON naming a deployment template, or Bicep} */
    public boolean template() {
        return template;
    }

    /** {@return false for a Bicep file that only declares types or functions for others: not a template} */
    public boolean deployable() {
        return deployable;
    }

    /** {@return the links it makes, in file order} */
    public List<LinkRef> links() {
        return links;
    }

    /** {@return its size in bytes} */
    public long size() {
        return size;
    }

    /** {@return the JSON model, or null for Bicep} */
    JsonModel json() {
        return json;
    }

    /** {@return the Bicep syntax tree, or null for JSON} */
    BicepSyntax.File syntax() {
        return syntax;
    }

    /** {@return the Bicep model, bound once; null for JSON} */
    BicepModel bicep() {
        if (bicep == null && syntax != null) {
            bicep = BicepModel.of(name, syntax, loader);
        }
        return bicep;
    }

    /** {@return whether its models were let go (a scan over its memory budget): then it is read again to be checked} */
    boolean released() {
        return json == null && syntax == null && template;
    }

    /** Lets go of what was parsed; the links and facts the graph needs stay. */
    void release() {
        if (json != null && !json.unread()) {
            json = null;
        }
        syntax = null;
        bicep = null;
    }
}
