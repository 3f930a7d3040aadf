package io.github.partnerattribution.templates.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * One file of a run, read and parsed once: a JSON template's {@link JsonModel}, or a Bicep file's {@link BicepModel}
 * (parsed and bound, its syntax tree let go of), with what the graph needs of it: its links, whether it is a template
 * at all, whether it is deployable, whether it deploys anything (for the files that call it as a module). A unit has
 * no role: the caller gives one to the rules. Not API.
 */
public final class SourceUnit {
    final Path file;
    final String name;
    final long size;
    private JsonModel json;
    private BicepModel bicep;
    private final boolean template;
    private final boolean deployable;
    private final boolean deploysSomething;
    private final List<LinkRef> links;
    /** Whether Bicep generated it ({@code metadata._generator.name} is {@code bicep}): a compiled twin's JSON. */
    private boolean compiledByBicep;
    /** Its parameters' names, sorted: how a compiled JSON is told to be the twin of a Bicep file elsewhere. */
    private List<String> parameters = Collections.emptyList();

    private SourceUnit(Path file, String name, long size, JsonModel json, BicepModel bicep, boolean template,
            boolean deploysSomething) {
        this.file = file;
        this.name = name;
        this.size = size;
        this.json = json;
        this.bicep = bicep;
        this.template = template;
        this.deployable = bicep == null || bicep.deployable();
        this.deploysSomething = deploysSomething;
        this.links = Collections.unmodifiableList(json != null ? json.links() : bicep != null ? bicep.links()
                : Collections.<LinkRef>emptyList());
    }

    /** A JSON file, parsed; a Bicep file that is not UTF-8 is one too (its one finding says so). */
    static SourceUnit json(Path file, String name, JsonModel model) {
        boolean template = model.hasTemplateSchema() || model.syntaxError() != null || model.unread();
        return new SourceUnit(file, name, model.size(), model, null, template, true);
    }

    /**
     * A JSON template parsed from {@code full} (its tree at hand) and kept as {@code kept} (a scan's model without the
     * text): what tells a compiled twin is read from the tree first.
     */
    static SourceUnit json(Path file, String name, JsonModel full, JsonModel kept) {
        SourceUnit unit = json(file, name, kept);
        JsonTree.Node root = full.root();
        if (root != null && root.kind == JsonTree.Kind.OBJECT) {
            JsonTree.Node metadata = root.get("metadata");
            JsonTree.Node generator = metadata == null ? null : metadata.get("_generator");
            unit.compiledByBicep = generator != null && "bicep".equals(generator.string("name"));
            JsonTree.Node parameters = root.get("parameters");
            if (unit.compiledByBicep && parameters != null && parameters.kind == JsonTree.Kind.OBJECT) {
                List<String> names = new java.util.ArrayList<>();
                for (JsonTree.Member m : parameters.members()) {
                    names.add(m.name);
                }
                Collections.sort(names);
                unit.parameters = names;
            }
        }
        return unit;
    }

    /** JSON that is no deployment template (it does not even name one): a scan passes it over unparsed. */
    static SourceUnit notATemplate(Path file, String name, long size) {
        return new SourceUnit(file, name, size, null, null, false, true);
    }

    /**
     * A Bicep file, parsed and bound: the model keeps what the rules read, and the tree is let go of (a scan keeps a
     * thousand models, not a thousand trees).
     */
    static SourceUnit bicep(Path file, String name, long size, BicepSyntax.File syntax, BicepModel.Loader loader) {
        BicepModel model = BicepModel.of(name, syntax, loader);
        SourceUnit unit = new SourceUnit(file, name, size, null, model, true, BicepModel.deploysSomething(syntax));
        unit.parameters = model.parameters(); // kept when the model is let go of (a scan over its memory budget)
        return unit;
    }

    /** {@return whether Bicep compiled it: JSON whose {@code metadata._generator.name} is {@code bicep}} */
    boolean compiledByBicep() {
        return compiledByBicep;
    }

    /** {@return its parameters' names, sorted (for JSON, only when Bicep compiled it)} */
    List<String> parameters() {
        return parameters;
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

    /** {@return whether it declares a resource or a module: false for a module that deploys nothing} */
    boolean deploysSomething() {
        return deploysSomething;
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

    /** {@return the Bicep model, or null for JSON} */
    BicepModel bicep() {
        return bicep;
    }

    /** {@return whether its model was let go of (a scan over its memory budget): then it is read again to be checked} */
    boolean released() {
        return json == null && bicep == null && template;
    }

    /** Lets go of the model; the links and facts the graph needs stay. */
    void release() {
        if (json == null || !json.unread()) {
            json = null;
            bicep = null;
        }
    }
}
