package io.github.partnerattribution.maven;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.core.support.Utf8;
import java.io.File;
import java.io.IOException;
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
 * Fills the partner-id placeholders ({@code ${key}}) of the project's ARM templates (JSON) from the partner's
 * properties file, each value checked as a partner id, and writes the filled templates to the build output; the
 * sources are never edited. Which keys are partner ids: {@code partnerIdKeys}, or those starting with
 * {@code partnerIdKeyPrefix}, or by default every key of the properties file (the partner's registry). Every other
 * {@code ${...}} is left as it is for Maven's own resource filtering, or, with {@code fillOtherKeys}, filled from the
 * same file as plain text. A partner-id key with no value, or a value that is not a partner id, fails the build naming
 * the key and the file, and nothing is written. Bicep files, whose {@code ${...}} is Bicep's own interpolation, are
 * copied unchanged. What was filled where is written beside the output for {@code check}, which reports findings at
 * the source file's line and column.
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

    /** The keys that hold partner ids; with {@code partnerIdKeyPrefix} unset too, every key of the file is one. */
    @Parameter
    private List<String> partnerIdKeys;

    /** Keys that start with this hold partner ids, such as {@code pid.}. */
    @Parameter(property = "attribution.partnerIdKeyPrefix")
    private String partnerIdKeyPrefix;

    /**
     * Also fill the other placeholders that have a value in the properties file, as plain text (escaped for a JSON
     * string); by default they are left for Maven's resource filtering.
     */
    @Parameter(property = "attribution.fillOtherKeys", defaultValue = "false")
    private boolean fillOtherKeys;

    /** What fill changed where, for {@code check} to report findings at the source's line and column. */
    @Parameter(defaultValue = FillMap.DEFAULT_FILE)
    private File fillMap;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Properties values = new Properties();
        List<String> problems = new ArrayList<>();
        try {
            String text = utf8(Files.readAllBytes(propertiesFile.toPath()), propertiesFile.toPath(), problems);
            if (text != null) {
                values.load(new java.io.StringReader(text));
                problems.addAll(repeatedKeys(text, propertiesFile.toPath()));
            }
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
        Path sourceRoot;
        try {
            sourceRoot = sourceDirectory.toPath().toRealPath();
        } catch (IOException e) {
            throw new MojoExecutionException("sourceDirectory " + sourceDirectory + " cannot be read: " + e.getMessage(), e);
        }
        java.util.Map<Path, byte[]> outputs = new java.util.LinkedHashMap<>();
        StringBuilder map = new StringBuilder();
        java.util.Set<String> left = new java.util.TreeSet<>();
        int filled = 0;
        int plain = 0;
        for (Path file : files) {
            Path target = outputDirectory.toPath().resolve(sourceDirectory.toPath().relativize(file));
            try {
                Path real = file.toRealPath();
                if (!real.startsWith(sourceRoot)) {
                    problems.add(file + ": it is a link to " + real + ", outside " + sourceDirectory + "; a template"
                            + " that resolves outside the source folder is not copied");
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (!file.getFileName().toString().endsWith(".json")) {
                    outputs.put(target, bytes);
                    continue;
                }
                String text = utf8(bytes, file, problems);
                if (text == null) {
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                StringBuilder out = new StringBuilder();
                StringBuilder replaced = new StringBuilder();
                int count = 0;
                while (m.find()) {
                    String key = m.group(1);
                    String value = values.getProperty(key);
                    String line = file + ":" + lineOf(text, m.start());
                    if (!isPartnerIdKey(key, values) && !(fillOtherKeys && value != null)
                            && trackingName(text, m.start()) != null) {
                        // left as it is, the tracking resource would ship named pid-${...}: nothing attributed
                        String closest = value != null ? null : Text.closest(key, values.stringPropertyNames());
                        problems.add(line + ": the tracking name " + Text.quote(trackingName(text, m.start()))
                                + " holds ${" + Text.printable(key) + "}, which " + (value == null ? propertiesFile
                                + " does not define" + (closest == null ? "" : " (did you mean "
                                + Text.printable(closest) + "?)") : "is not a partner-id key (partnerIdKeys,"
                                + " partnerIdKeyPrefix)") + ": left unfilled, no deployment of the template would be"
                                + " attributed");
                        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                        continue;
                    }
                    if (!isPartnerIdKey(key, values)) {
                        if (fillOtherKeys && value != null) {
                            String escaped = jsonEscaped(value);
                            replaced.append(replacement(text, m.start(), m.group().length(), escaped.length()));
                            m.appendReplacement(out, Matcher.quoteReplacement(escaped));
                            plain++;
                        } else {
                            left.add(m.group());
                            m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                        }
                        continue;
                    }
                    if (value == null) {
                        problems.add(line + ": the placeholder ${" + Text.printable(key) + "} has no value in "
                                + propertiesFile);
                        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                        continue;
                    }
                    PartnerId id;
                    try {
                        id = PartnerId.parse(value);
                    } catch (InvalidPartnerIdException e) {
                        problems.add(line + ": the key " + Text.printable(key) + " in " + propertiesFile
                                + " is not a partner id: " + e.problem());
                        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                        continue;
                    }
                    // What is written is what the value means, in the one form ARM and Partner Center read: the
                    // bare lower-case GUID after the template's own "pid-", the whole token anywhere else.
                    boolean afterPid = m.start() >= 4 && text.regionMatches(true, m.start() - 4, "pid-", 0, 4);
                    String canonical;
                    if (afterPid) {
                        if (value.trim().regionMatches(true, 0, "pid-", 0, 4)) {
                            problems.add(line + ": the key " + Text.printable(key) + " in " + propertiesFile + " is "
                                    + Text.quote(value.trim()) + ", which already starts with pid-, and the template"
                                    + " writes pid- before ${" + Text.printable(key) + "}: the name would be pid-pid-...;"
                                    + " give the bare GUID, or drop pid- from the template");
                            m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                            continue;
                        }
                        canonical = id.guid() + (id.isPartnerCenter() ? "-partnercenter" : "");
                    } else {
                        canonical = id.token();
                    }
                    count++;
                    replaced.append(replacement(text, m.start(), m.group().length(), canonical.length()));
                    m.appendReplacement(out, Matcher.quoteReplacement(canonical));
                }
                m.appendTail(out);
                outputs.put(target, out.toString().getBytes(StandardCharsets.UTF_8));
                map.append("file\t").append(target.toAbsolutePath().normalize()).append('\t')
                        .append(file.toAbsolutePath().normalize()).append('\n').append(replaced);
                filled += count;
            } catch (IOException e) {
                throw new MojoExecutionException(file + " cannot be filled: " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            for (String p : problems) {
                getLog().error(p);
            }
            throw new MojoFailureException("Template fill failed: " + problems.size() + " problem(s); nothing was written"
                    + " to " + outputDirectory);
        }
        try {
            for (java.util.Map.Entry<Path, byte[]> e : outputs.entrySet()) {
                write(e.getKey(), e.getValue());
            }
            write(fillMap.toPath(), map.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("the filled templates cannot be written to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Filled " + (filled + plain) + " placeholder(s) in " + files.size() + " file(s) into "
                + outputDirectory + " (" + filled + " partner id(s)" + (fillOtherKeys ? ", " + plain + " other value(s)"
                : "") + ")");
        if (!left.isEmpty()) {
            getLog().info("Left " + left.size() + " other placeholder(s) as they are, for Maven's resource filtering"
                    + (fillOtherKeys ? " (no value in " + propertiesFile + ")" : "") + ": "
                    + Text.printable(String.join(", ", left)));
        }
    }

    /**
     * The JSON string holding {@code offset} when it is a tracking name, the value of a {@code "name"} that starts
     * with {@code pid-}, up to the offset; else null.
     */
    static String trackingName(String text, int offset) {
        int open = offset - 1;
        while (open >= 0 && !(text.charAt(open) == '"' && (open == 0 || text.charAt(open - 1) != '\\'))) {
            if (text.charAt(open) == '\n') {
                return null; // a JSON string holds no line break
            }
            open--;
        }
        if (open < 0 || !text.regionMatches(true, open + 1, "pid-", 0, 4)) {
            return null;
        }
        int i = open - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != ':') {
            return null;
        }
        i--;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        boolean named = i >= 5 && text.regionMatches(true, i - 5, "\"name\"", 0, 6);
        int close = text.indexOf('"', offset);
        return named ? text.substring(open + 1, close < 0 ? offset : close) : null;
    }

    /** Whether a key's value is a partner id: listed, or with the prefix, or (by default) any key of the file. */
    private boolean isPartnerIdKey(String key, Properties values) {
        boolean listed = partnerIdKeys != null && !partnerIdKeys.isEmpty();
        boolean prefixed = partnerIdKeyPrefix != null && !partnerIdKeyPrefix.isEmpty();
        if (!listed && !prefixed) {
            return values.containsKey(key);
        }
        return (listed && partnerIdKeys.contains(key)) || (prefixed && key.startsWith(partnerIdKeyPrefix));
    }

    /** One line of the fill map: where a placeholder stood in the source, and how long it and its value are. */
    private static String replacement(String text, int offset, int sourceLength, int outputLength) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return "at\t" + lineOf(text, offset) + "\t" + (offset - lineStart + 1) + "\t" + sourceLength + "\t"
                + outputLength + "\n";
    }

    /** A value as the content of a JSON string: quotes, backslashes and control characters escaped, one line. */
    static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Writes a file atomically: a temp file beside it, then a move. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".fill", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The text of a file that must be UTF-8; null, with a problem naming the first bad byte, when it is not. */
    static String utf8(byte[] bytes, Path file, List<String> problems) {
        int invalid = Utf8.firstInvalid(bytes, 0); // the templates' own check; a byte order mark is valid UTF-8
        if (invalid >= 0) {
            problems.add(file + ": it is not UTF-8 (byte " + invalid + " is 0x" + String.format("%02X",
                    bytes[invalid] & 0xff) + "); it was not filled, and nothing is repaired");
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8); // a byte order mark is kept, and written back
    }

    /** Keys that a properties file defines more than once: Properties silently keeps the last. */
    static List<String> repeatedKeys(String text, Path file) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].replaceFirst("^[ \t\f]+", "");
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    key.append(line.charAt(++j));
                } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                    break;
                } else {
                    key.append(c);
                }
            }
            Integer first = firstLine.putIfAbsent(key.toString(), number);
            if (first != null) {
                problems.add(file + ":" + number + ": the key " + Text.printable(key.toString()) + " is defined again"
                        + " (first at line " + first + "); give each key once");
            }
            while (lines[i].endsWith("\\") && !lines[i].endsWith("\\\\") && i + 1 < lines.length) {
                i++; // a value continued on the next line
            }
        }
        return problems;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
