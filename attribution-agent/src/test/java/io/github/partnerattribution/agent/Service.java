package io.github.partnerattribution.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.test.ArmEmulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A partner's service in its own JVM, started as an operator would: {@code JAVA_TOOL_OPTIONS=-javaagent:...} and the
 * settings in its environment, nothing inherited from this machine's (every Azure, attribution and JVM-option variable
 * is removed first).
 */
final class Service {
    static final Path AGENT = Paths.get(System.getProperty("agent.jar"));
    private static final Path ROOT = Paths.get(System.getProperty("project.root")).toAbsolutePath().normalize();
    private static final List<String> DEPENDENCIES = dependencies();

    private final String main;
    private final List<String> classPath = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvm = new ArrayList<>();

    private Service(String main) {
        this.main = main;
        classPath.add(Paths.get(System.getProperty("project.root"), "attribution-agent", "target", "test-classes")
                .toString());
    }

    /** A service without this project's library: the test's dependencies, less every part of this project and the
     * agent's own dependencies. */
    static Service withoutTheLibrary(String main) {
        Service service = new Service(main);
        service.classPath.addAll(DEPENDENCIES.stream().filter(d -> !ours(d)).collect(Collectors.toList()));
        return service;
    }

    /**
     * {@code main} as a web application: {@link com.contoso.services.WebApplicationServer} alone on the JVM's class
     * path, the service's classes and dependencies (without the library) in a loader of their own.
     */
    static Service webApplication(String main) {
        Service server = new Service("com.contoso.services.WebApplicationServer");
        Service webapp = withoutTheLibrary(main);
        return server.jvm("-Dwebapp.classpath=" + String.join(File.pathSeparator, webapp.classPath));
    }

    /** A service that carries the library (attribution-core and attribution-azure-core). */
    static Service withTheLibrary(String main) {
        return withoutTheLibrary(main).with("attribution-core", "attribution-azure-core");
    }

    /** A service that carries the library and its doctor (attribution-operations). */
    static Service withTheDoctor(String main) {
        return withTheLibrary(main).with("attribution-operations");
    }

    private Service with(String... modules) {
        for (String module : modules) {
            classPath.addAll(DEPENDENCIES.stream().filter(d -> d.contains(module)).collect(Collectors.toList()));
        }
        return this;
    }

    /** This service with azure-core {@code version} instead of the BOM's. */
    Service azureCore(String version) {
        classPath.removeIf(d -> new File(d).getName().matches("azure-core-\\d.*\\.jar"));
        Path jar = Paths.get(System.getProperty("versions.dir"), "azure-core-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar), "missing " + jar);
        classPath.add(jar.toString());
        return this;
    }

    /** This service with the newest OkHttp and Apache HttpClient 5 the project supports, instead of the floors. */
    Service newestPlainClients() {
        classPath.removeIf(d -> new File(d).getName().matches(
                "(okhttp|okio|kotlin-stdlib|httpclient5|httpcore5)(-[a-z0-9]+)*-\\d.*\\.jar"));
        File[] jars = new File(System.getProperty("plain-clients.newest.dir")).listFiles();
        assertTrue(jars != null && jars.length == 6, "missing the newest plain clients' jars");
        for (File jar : jars) {
            classPath.add(jar.getPath());
        }
        return this;
    }

    /** Attaches the agent as the README says: one {@code JAVA_TOOL_OPTIONS} entry. */
    Service withAgent() {
        return env("JAVA_TOOL_OPTIONS", "-javaagent:" + AGENT);
    }

    Service env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Service jvm(String option) {
        jvm.add(option);
        return this;
    }

    /** Runs the service to its end against {@code arm}; its exit code and output. */
    Run run(ArmEmulator arm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Djavax.net.ssl.trustStore=" + arm.trustStore());
        command.add("-Djavax.net.ssl.trustStoreType=PKCS12");
        command.add("-Djavax.net.ssl.trustStorePassword=" + ArmEmulator.TRUST_STORE_PASSWORD);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(main);
        command.add(arm.endpoint());
        for (String arg : args) {
            command.add(arg);
        }
        return Run.of(command, environment);
    }

    /** One finished process. */
    static final class Run {
        final int exit;
        final String output;

        private Run(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }

        static Run of(List<String> command, Map<String, String> environment) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Predicate<String> inherited = name -> !(name.startsWith("AZURE_") || name.startsWith("ARM_")
                    || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS")
                    || name.equals("JDK_JAVA_OPTIONS"));
            builder.environment().keySet().removeIf(inherited.negate());
            builder.environment().putAll(environment);
            try {
                Path log = Files.createTempFile(Paths.get(System.getProperty("project.root"), "attribution-agent",
                        "target"), "service", ".log");
                builder.redirectOutput(log.toFile());
                Process process = builder.start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("the service did not end within 3 minutes: " + command);
                }
                String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                Files.delete(log);
                return new Run(process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Fails unless the process ended with 0. */
        Run succeeded() {
            if (exit != 0) {
                throw new AssertionError("the service ended with " + exit + ":\n" + output);
            }
            return this;
        }
    }

    private static boolean ours(String entry) {
        Path path = Paths.get(entry).toAbsolutePath().normalize();
        String slashed = entry.replace('\\', '/');
        // This project's modules, and ASM: the agent's own dependency, which only its jar carries.
        return path.startsWith(ROOT) || slashed.contains("/io/github/partnerattribution/")
                || slashed.contains("/org/ow2/asm/");
    }

    private static List<String> dependencies() {
        try {
            String text = new String(Files.readAllBytes(Paths.get(System.getProperty("service.classpath"))),
                    StandardCharsets.UTF_8).trim();
            List<String> out = new ArrayList<>();
            for (String entry : text.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    out.add(entry);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
