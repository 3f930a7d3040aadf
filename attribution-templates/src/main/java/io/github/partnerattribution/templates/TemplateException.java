package io.github.partnerattribution.templates;

import java.nio.file.Path;

/**
 * Thrown by {@link ArmTemplates#add}, {@link ArmTemplates#remove} and {@link ArmTemplates#replace} when a template
 * cannot be edited as asked: invalid JSON (with line and column), a nested or linked template, another partner id
 * already present. The file is then untouched; the message names it and says why.
 *
 * <pre>{@code
 * try {
 *     ArmTemplates.add(path, partnerId);
 * } catch (TemplateException e) {
 *     System.err.println(e.getMessage()); // mainTemplate.json: invalid JSON at line 12, column 5: ...
 * }
 * }</pre>
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    TemplateException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** {@return the template the edit was refused for} */
    public Path file() {
        return file;
    }
}
