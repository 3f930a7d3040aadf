package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every README snippet kept in this module's sources, tests and sample projects ({@code // README: name} ...
 * {@code // README: end}, or {@code <!-- README: name -->} ... {@code <!-- README: end -->} in a POM) stands word for
 * word in one of the project's READMEs, so the READMEs show code that compiles (and, for tests, runs).
 */
class ReadmeSnippetsTest {
    static final Path EXAMPLES = Paths.get("src");
    static final Path PROJECT = Paths.get("..");
    static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("(?://|<!--) README: (.*?)(?: -->)?");

    /** The root README, every module's, and the documents under docs. */
    static List<Path> readmes() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(PROJECT.resolve("README.md"));
        try (Stream<Path> modules = Files.list(PROJECT)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static Map<String, String> snippets() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(EXAMPLES)) {
            files = all.filter(p -> p.toString().endsWith(".java") || p.getFileName().toString().equals("pom.xml"))
                    .sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = null;
            List<String> body = new ArrayList<>();
            for (String line : lines) {
                java.util.regex.Matcher marker = MARKER.matcher(line.trim());
                if (marker.matches()) {
                    if (marker.group(1).equals("end")) {
                        out.put(file + "#" + name, dedent(body));
                        name = null;
                        body.clear();
                    } else {
                        name = marker.group(1);
                    }
                } else if (name != null) {
                    body.add(line);
                }
            }
            if (name != null) {
                throw new AssertionError(file + ": README marker " + name + " has no end");
            }
        }
        return out;
    }

    static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    @Test
    void everySnippetStandsInAReadme() throws IOException {
        Map<String, String> snippets = snippets();
        assertTrue(snippets.size() >= 17, "README markers found under " + EXAMPLES.toAbsolutePath() + ": " + snippets.keySet());
        List<Path> readmes = readmes();
        assertTrue(readmes.size() >= 10, "READMEs: " + readmes);
        StringBuilder all = new StringBuilder();
        for (Path readme : readmes) {
            all.append(Files.readString(readme, StandardCharsets.UTF_8)).append('\n');
        }
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            assertTrue(all.indexOf(snippet.getValue()) >= 0, () -> "no README holds the snippet " + snippet.getKey()
                    + " exactly as compiled:\n" + snippet.getValue());
        }
    }

    /** A link from one README to another file of the project leads somewhere. */
    @Test
    void everyRelativeLinkOfAReadmeResolves() throws IOException {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
        for (Path readme : readmes()) {
            java.util.regex.Matcher m = link.matcher(Files.readString(readme, StandardCharsets.UTF_8));
            while (m.find()) {
                Path target = readme.getParent().resolve(m.group(1)).normalize();
                assertTrue(Files.exists(target), readme + " links to " + m.group(1) + ", which is not there");
            }
        }
    }
}
