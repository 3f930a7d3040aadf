package io.github.partnerattribution.test.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.partnerattribution.test.ArmEmulator;
import java.util.function.Function;

/**
 * The WireMock server under an {@link ArmEmulator}, for this project's own tests of routes the emulator does not
 * serve (faults, loops, oversized answers). Not API: ArmEmulator's public API hands out no WireMock type, so users
 * are not tied to this module's WireMock version.
 */
public final class WireMockAccess {
    private static volatile Function<ArmEmulator, WireMockServer> accessor;

    private WireMockAccess() {
    }

    /** Called once by ArmEmulator's class initialiser. */
    public static void install(Function<ArmEmulator, WireMockServer> access) {
        accessor = access;
    }

    /** The emulator's WireMock server: its stubs take precedence over the emulator's own routing. */
    public static WireMockServer of(ArmEmulator emulator) {
        try {
            Class.forName(ArmEmulator.class.getName(), true, ArmEmulator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return accessor.apply(emulator);
    }
}
