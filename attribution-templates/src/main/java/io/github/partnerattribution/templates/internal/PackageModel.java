package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.internal.JsonTree.Kind;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import io.github.partnerattribution.templates.internal.TrackingModel.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the package rules read of a Marketplace deployment package: whether it could be read, where its
 * {@code mainTemplate.json} and {@code createUiDefinition.json} stand, what is wrong with the UI definition, and the
 * main template. Not API.
 *
 * <pre>{@code
 * PackageModel model = PackageModel.of("offer.zip", archive, mainModel);
 * }</pre>
 */
public final class PackageModel {
    public static final String MAIN = "mainTemplate.json";
    public static final String UI = "createUiDefinition.json";
    public static final String VIEW = "viewDefinition.json";

    /**
     * The folder a package's entries are named under in findings and reports: {@code offer.zip!}, so that an entry
     * reads {@code offer.zip!/mainTemplate.json}.
     */
    public static java.nio.file.Path inside(String zip) {
        return java.nio.file.Paths.get(zip + "!");
    }

    private final String file;
    private final String refused;
    private final List<String> misplacedMain = new ArrayList<>();
    private final List<String> misplacedUi = new ArrayList<>();
    private boolean mainAtRoot;
    private boolean uiAtRoot;
    private boolean viewDefinition;
    private String uiProblem;
    private JsonModel main;

    private PackageModel(String file, String refused) {
        this.file = file;
        this.refused = refused;
    }

    /** An archive that was refused, with the reason. */
    public static PackageModel refused(String file, String reason) {
        return new PackageModel(file, reason);
    }

    /** A package read: its entries by name, and its main template's model (null when it has none at the root). */
    public static PackageModel of(String file, Map<String, byte[]> entries, JsonModel main) {
        PackageModel p = new PackageModel(file, null);
        p.main = main;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            String base = name.substring(name.lastIndexOf('/') + 1);
            boolean atRoot = name.indexOf('/') < 0;
            if (base.equalsIgnoreCase(MAIN)) {
                if (atRoot && base.equals(MAIN)) {
                    p.mainAtRoot = true;
                } else {
                    p.misplacedMain.add(name);
                }
            } else if (base.equalsIgnoreCase(UI)) {
                if (atRoot && base.equals(UI)) {
                    p.uiAtRoot = true;
                    p.uiProblem = uiProblem(e.getValue());
                } else {
                    p.misplacedUi.add(name);
                }
            } else if (atRoot && base.equalsIgnoreCase(VIEW)) {
                p.viewDefinition = true;
            }
        }
        return p;
    }

    /** What keeps a UI definition from being one, or null: valid JSON with a {@code $schema} and the handler. */
    private static String uiProblem(byte[] bytes) {
        int invalid = Utf8.firstInvalid(bytes, Utf8.hasBom(bytes) ? 3 : 0);
        if (invalid >= 0) {
            return "it is not UTF-8 (byte offset " + invalid + ")";
        }
        Node root;
        try {
            root = JsonTree.parse(Utf8.text(bytes), new ArrayList<JsonTree.Duplicate>());
        } catch (JsonTree.SyntaxError e) {
            return "it is not valid JSON (line " + e.line + ", column " + e.column + ": " + e.getMessage() + ")";
        }
        if (root.kind != Kind.OBJECT) {
            return "it is not a JSON object";
        }
        String schema = root.string("$schema");
        if (schema == null || !schema.toLowerCase(java.util.Locale.ROOT).contains("createuidefinition")) {
            return "it has no $schema naming a CreateUIDefinition schema";
        }
        String handler = root.string("handler");
        if (handler == null || !handler.equalsIgnoreCase("Microsoft.Azure.CreateUIDef")) {
            return "its handler is " + (handler == null ? "missing" : io.github.partnerattribution.core.support.Text
                    .quote(handler)) + "; it must be Microsoft.Azure.CreateUIDef";
        }
        return null;
    }

    public String file() {
        return file;
    }

    /** {@return why the archive was not read, or null when it was} */
    public String refusedBecause() {
        return refused;
    }

    public boolean mainAtRoot() {
        return mainAtRoot;
    }

    public boolean uiAtRoot() {
        return uiAtRoot;
    }

    /** {@return the entries named like the main template that are not at the root, or not in its exact case} */
    public List<String> misplacedMain() {
        return misplacedMain;
    }

    public List<String> misplacedUi() {
        return misplacedUi;
    }

    /** {@return what is wrong with the UI definition at the root, or null} */
    public String uiProblem() {
        return uiProblem;
    }

    /** {@return whether the package holds a viewDefinition.json, which only managed applications use} */
    public boolean viewDefinition() {
        return viewDefinition;
    }

    /** {@return the main template's model, or null} */
    public JsonModel main() {
        return main;
    }

    /** {@return where a finding about the whole archive goes} */
    public Position start() {
        return new Position(1, 1);
    }
}
