package io.github.partnerattribution.spring;

/**
 * A partner id setting of the Spring {@code Environment} that is not a valid id: the application does not start,
 * and Spring Boot's failure analysis names the property, where it was set, and what would be valid.
 *
 * <pre>{@code
 * // azure.partner.id=eb7927c8-dd66-43e1-b0cf-c346a422063 in application.yml:
 * // "The partner id azure.partner.id (class path resource [application.yml] - 3:9) is not valid: ..."
 * }</pre>
 */
public final class InvalidPartnerIdPropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The property. */
    private final String property;
    /** Where it was set. */
    private final String origin;
    /** What is wrong with its value. */
    private final String problem;

    InvalidPartnerIdPropertyException(String property, String origin, String problem, Throwable cause) {
        super("The partner id " + property + " (" + origin + ") is not valid: " + problem, cause);
        this.property = property;
        this.origin = origin;
        this.problem = problem;
    }

    /** {@return the property, such as {@code azure.partner.id}} */
    public String property() {
        return property;
    }

    /** {@return where it was set, such as {@code class path resource [application.yml] - 3:9}} */
    public String origin() {
        return origin;
    }

    /** {@return what is wrong with the value} */
    public String problem() {
        return problem;
    }
}
