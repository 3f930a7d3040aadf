package io.github.partnerattribution.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attribution emulator}: the ARM emulator of {@code attribution-test}, served on loopback until interrupted,
 * so that {@code verify}, {@code pal} and SDK clients in other processes can be tried without Azure. The emulator
 * and WireMock are not in {@code attribution.jar} (they would slow every other command's start); they are loaded
 * from the {@code emulator} folder beside it, which the distribution and the build both hold.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Serve an HTTPS stand-in for Azure Resource Manager on 127.0.0.1 until interrupted, and print"
                + " its endpoint, its certificate and the exact lines to point verify, pal and Azure SDK clients at it.",
                "The emulator accepts any bearer token and keeps what is deployed to it in memory."},
        footer = {"", "Example:  attribution emulator --seed demo"})
final class EmulatorCommand implements Callable<Integer> {
    static final String SERVER = "io.github.partnerattribution.test.support.EmulatorServer";

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "The port on 127.0.0.1, 1 to 65535 (default: a free one).")
    int port;

    @Option(names = "--seed", paramLabel = "NAME",
            description = "demo: a resource group with a deployed solution and its tracking deployment, to verify at once.")
    String seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw Failure.invalidInput("--port " + port + " is not a port: give 1 to 65535, or leave it out for a free one");
        }
        if (seed != null && !seed.equals("demo")) {
            throw Failure.invalidInput("--seed " + seed + " is not a seed; the one seed is demo");
        }
        Method serve = serverClass().getMethod("serve", int.class, String.class, String.class, PrintWriter.class);
        try {
            return (Integer) serve.invoke(null, port, seed, "attribution", spec.commandLine().getOut());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
                throw Failure.endpoint("emulator: " + cause.getMessage(), cause);
            }
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    /** The emulator's entry point: on this class path (tests), else from the emulator folder beside the jar. */
    static Class<?> serverClass() throws IOException {
        try {
            return Class.forName(SERVER, false, EmulatorCommand.class.getClassLoader());
        } catch (ClassNotFoundException notHere) {
            Path folder = emulatorFolder();
            List<URL> jars = new ArrayList<>();
            if (folder != null && Files.isDirectory(folder)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
                    for (Path jar : files) {
                        jars.add(jar.toUri().toURL());
                    }
                }
            }
            if (jars.isEmpty()) {
                throw Failure.invalidInput("the emulator's jars are not installed: expected attribution-test and"
                        + " wiremock-standalone jars in " + (folder == null ? "an emulator folder beside attribution.jar"
                        : folder) + " (lib/emulator of the distribution, target/emulator of a build)");
            }
            URLClassLoader loader = new URLClassLoader(jars.toArray(new URL[0]), EmulatorCommand.class.getClassLoader());
            try {
                return Class.forName(SERVER, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw Failure.invalidInput("the emulator's jars in " + folder + " do not hold the emulator ("
                        + e + "); reinstall the distribution");
            }
        }
    }

    private static Path emulatorFolder() {
        try {
            URL location = EmulatorCommand.class.getProtectionDomain().getCodeSource().getLocation();
            Path jar = Paths.get(location.toURI());
            return jar.getParent() == null ? null : jar.getParent().resolve("emulator");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
