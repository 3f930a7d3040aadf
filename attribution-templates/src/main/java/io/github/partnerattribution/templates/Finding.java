package io.github.partnerattribution.templates;

import java.util.Objects;

/**
 * One thing {@link ArmTemplates#check} found in a template: a stable code ({@code CUA001} ...), its severity, where it
 * stands (file, 1-based line and column), what is wrong, and how to fix it.
 *
 * <pre>{@code
 * for (Finding f : ArmTemplates.check(path)) {
 *     System.out.println(f); // mainTemplate.json:1:1: error CUA001: ... Fix: ...
 * }
 * }</pre>
 */
public final class Finding {
    private final String code;
    private final Severity severity;
    private final String file;
    private final int line;
    private final int column;
    private final String message;
    private final String hint;

    Finding(String code, Severity severity, String file, int line, int column, String message, String hint) {
        this.code = code;
        this.severity = severity;
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = message;
        this.hint = hint;
    }

    /** {@return the stable code, such as {@code CUA001}} */
    public String code() {
        return code;
    }

    /** {@return the severity} */
    public Severity severity() {
        return severity;
    }

    /** {@return the file, as given to the check} */
    public String file() {
        return file;
    }

    /** {@return the 1-based line} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column} */
    public int column() {
        return column;
    }

    /** {@return what is wrong} */
    public String message() {
        return message;
    }

    /** {@return how to fix it} */
    public String hint() {
        return hint;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Finding)) {
            return false;
        }
        Finding f = (Finding) o;
        return code.equals(f.code) && severity == f.severity && file.equals(f.file) && line == f.line
                && column == f.column && message.equals(f.message) && hint.equals(f.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, file, line, column, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " " + code
                + ": " + message + " Fix: " + hint;
    }
}
