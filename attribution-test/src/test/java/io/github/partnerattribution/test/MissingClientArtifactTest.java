package io.github.partnerattribution.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A project without one of the Azure SDK HTTP clients gets an error that names the artifact to add, not a bare
 * NoClassDefFoundError: the emulator is loaded from this test's class path minus that artifact's jar.
 */
class MissingClientArtifactTest {
    @ParameterizedTest
    @CsvSource({
        "nettyHttpClient, azure-core-http-netty, com.azure:azure-core-http-netty",
        "okHttpHttpClient, azure-core-http-okhttp, com.azure:azure-core-http-okhttp"})
    void theErrorNamesTheMissingArtifact(String helper, String jar, String artifact) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classPathWithout(jar), ClassLoader.getPlatformClassLoader())) {
            Class<?> emulatorClass = Class.forName(ArmEmulator.class.getName(), true, loader);
            Object emulator = emulatorClass.getMethod("start").invoke(null);
            try {
                Method method = emulatorClass.getMethod(helper);
                InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> method.invoke(emulator));
                IllegalStateException error = assertInstanceOf(IllegalStateException.class, thrown.getCause());
                assertTrue(error.getMessage().startsWith("ArmEmulator." + helper + "() needs " + artifact + " on the class path"),
                        error.getMessage());
                assertInstanceOf(NoClassDefFoundError.class, error.getCause());
            } finally {
                emulatorClass.getMethod("close").invoke(emulator);
            }
        }
    }

    static URL[] classPathWithout(String jar) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        int removed = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith(jar + "-")) {
                removed++;
            } else {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertEquals(1, removed, () -> jar + " is not once on the test class path");
        return urls.toArray(new URL[0]);
    }
}
