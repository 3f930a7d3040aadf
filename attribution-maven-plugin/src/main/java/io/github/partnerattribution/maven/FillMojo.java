package io.github.partnerattribution.maven;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.internal.Text;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fills {@code ${key}} placeholders in the project's ARM templates (JSON) from the partner's properties file, each
 * value checked as a partner id, and writes the filled templates to the build output; the sources are never edited.
 * A key with no value, or a value that is not a partner id, fails the build naming the key and the file. Bicep files,
 * whose {@code ${...}} is Bicep's own interpolation, are copied unchanged.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.partnerattribution</groupId>
 *   <artifactId>attribution-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>fill</goal></goals></execution></executions>
 *   <configuration><propertiesFile>pid.properties</propertiesFile></configuration>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "fill", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class FillMojo extends AbstractMojo {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

    /** The templates to fill. */
    @Parameter(defaultValue = "${project.basedir}/src/main/templates")
    private File sourceDirectory;

    /** Where the filled templates go, in the same layout. */
    @Parameter(defaultValue = "${project.build.directory}/templates")
    private File outputDirectory;

    /** The partner's properties file: each key a placeholder, each value a partner id. */
    @Parameter(property = "attribution.properties", required = true)
    private File propertiesFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(propertiesFile.toPath())) {
            values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("propertiesFile " + propertiesFile + " cannot be read: " + e.getMessage(), e);
        }
        if (!sourceDirectory.isDirectory()) {
            throw new MojoExecutionException("sourceDirectory " + sourceDirectory + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceDirectory.toPath())) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new MojoExecutionException("sourceDirectory " + sourceDirectory + " cannot be read: " + e.getMessage(), e);
        }
        // Everything is computed first and written only when every placeholder has a valid id: a failed fill leaves
        // the build output as it was, and the sources are never written at all.
        List<String> problems = new ArrayList<>();
        java.util.Map<Path, byte[]> outputs = new java.util.LinkedHashMap<>();
        int filled = 0;
        for (Path file : files) {
            Path target = outputDirectory.toPath().resolve(sourceDirectory.toPath().relativize(file));
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (!file.getFileName().toString().endsWith(".json")) {
                    outputs.put(target, bytes);
                    continue;
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                Matcher m = PLACEHOLDER.matcher(text);
                StringBuilder out = new StringBuilder();
                int count = 0;
                while (m.find()) {
                    String key = m.group(1);
                    String value = values.getProperty(key);
                    String line = file + ":" + lineOf(text, m.start());
                    if (value == null) {
                        problems.add(line + ": the placeholder ${" + Text.printable(key) + "} has no value in "
                                + propertiesFile);
                        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                        continue;
                    }
                    try {
                        PartnerId.parse(value);
                    } catch (InvalidPartnerIdException e) {
                        problems.add(line + ": the key " + Text.printable(key) + " in " + propertiesFile
                                + " is not a partner id: " + e.problem());
                    }
                    count++;
                    m.appendReplacement(out, Matcher.quoteReplacement(value.trim()));
                }
                m.appendTail(out);
                outputs.put(target, out.toString().getBytes(StandardCharsets.UTF_8));
                filled += count;
            } catch (IOException e) {
                throw new MojoExecutionException(file + " cannot be filled: " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            for (String p : problems) {
                getLog().error(p);
            }
            throw new MojoFailureException("Template fill failed: " + problems.size() + " placeholder(s) without a valid"
                    + " partner id; nothing in " + sourceDirectory + " was changed");
        }
        try {
            for (java.util.Map.Entry<Path, byte[]> e : outputs.entrySet()) {
                Files.createDirectories(e.getKey().getParent());
                Path temp = Files.createTempFile(e.getKey().getParent(), ".fill", ".tmp");
                Files.write(temp, e.getValue());
                Files.move(temp, e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("the filled templates cannot be written to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Filled " + filled + " placeholder(s) in " + files.size() + " file(s) into " + outputDirectory);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
