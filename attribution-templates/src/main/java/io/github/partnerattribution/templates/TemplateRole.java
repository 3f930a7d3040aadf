package io.github.partnerattribution.templates;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a template stands in a solution: customer usage attribution belongs in the {@link #MAIN} template only.
 *
 * <pre>{@code
 * TemplateRole role = TemplateRole.of(Paths.get("nestedtemplates/db.json")); // NESTED
 * }</pre>
 */
public enum TemplateRole {
    /** {@code mainTemplate.json}, {@code azuredeploy.json}, {@code main.bicep}, or a file the caller names. */
    MAIN,
    /** A file in a {@code nestedtemplates} folder. */
    NESTED,
    /** A file in a {@code linkedtemplates} folder, or one a main template links with {@code relativePath}. */
    LINKED,
    /**
     * A sample or a test that deploys the solution's modules ({@code samples/}, {@code tests/}, {@code test/},
     * {@code *.sample.bicep}, {@code *.test.bicep}): an entry point of its own, reported but not the main template;
     * what only samples and tests call is their {@link #HELPER}.
     */
    SAMPLE,
    /**
     * A template that only samples and tests call, or one in their folders that calls nothing (a test's
     * {@code dependencies.bicep}): part of the entry point, reported but never asked for a tracking resource.
     */
    HELPER,
    /**
     * A Marketplace deployment package ({@code .zip}) as a whole: its layout and the rules Partner Center applies on
     * upload; the templates inside it are reported in their own roles, as {@code offer.zip!/mainTemplate.json}.
     */
    PACKAGE;

    /**
     * The role a file's path implies: nested or linked by its folder, otherwise main.
     *
     * @param file the template's path
     * @return the role
     */
    public static TemplateRole of(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        String folder = parent == null || parent.getFileName() == null ? ""
                : parent.getFileName().toString().toLowerCase(Locale.ROOT);
        if (folder.equals("nestedtemplates")) {
            return NESTED;
        }
        return folder.equals("linkedtemplates") ? LINKED : MAIN;
    }

    /**
     * Whether a file name is one of the standard main template names, in any case.
     *
     * @param fileName a file name such as {@code mainTemplate.json}
     * @return true for {@code mainTemplate.json}, {@code azuredeploy.json}, {@code main.bicep}, {@code mainTemplate.bicep}
     */
    public static boolean isStandardMainName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.equals("maintemplate.json") || name.equals("azuredeploy.json") || name.equals("main.bicep")
                || name.equals("maintemplate.bicep");
    }
}
