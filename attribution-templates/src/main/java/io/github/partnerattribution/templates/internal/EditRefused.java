package io.github.partnerattribution.templates.internal;

/**
 * An edit a template cannot take, in words that end with what happened to the file ("Nothing was changed."); the API
 * reports it as a {@code TemplateException} naming the file. Not API.
 */
public final class EditRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EditRefused(String message) {
        super(message, null, false, false);
    }
}
