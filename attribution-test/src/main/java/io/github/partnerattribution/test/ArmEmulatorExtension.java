package io.github.partnerattribution.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link ArmEmulator} per test class and resets its requests and state before
 * each test. Register it as a static field, or with {@code @ExtendWith} and take the emulator as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
 *
 * @Test
 * void everyRequestIsAttributed() {
 *     ... make calls against ARM.emulator().endpoint() ...
 *     ARM.emulator().assertEveryRequestCarries(partnerId);
 * }
 * }</pre>
 */
public final class ArmEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    private final int pageSize;
    private ArmEmulator emulator;

    /** An extension whose emulator lists 100 items a page. */
    public ArmEmulatorExtension() {
        this(100);
    }

    /**
     * An extension whose emulator lists {@code pageSize} items a page.
     *
     * @param pageSize items per page, at least 1
     */
    public ArmEmulatorExtension(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * The running emulator.
     *
     * @return the emulator
     * @throws IllegalStateException outside a test of the class that registered the extension
     */
    public ArmEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The ArmEmulator runs only while the tests of its class run");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = ArmEmulator.start(pageSize);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
        emulator.pageSize(pageSize);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ArmEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
