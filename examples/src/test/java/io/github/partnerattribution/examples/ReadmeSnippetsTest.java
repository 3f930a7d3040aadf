package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Every README snippet kept in this module's sources and tests ({@code // README: name} ... {@code // README: end})
 * stands in the README word for word, so the README shows code that compiles (and, for tests, runs).
 */
class ReadmeSnippetsTest {
    static final Path SOURCES = Paths.get("src/main/java/io/github/partnerattribution/examples");
    static final Path TESTS = Paths.get("src/test/java/io/github/partnerattribution/examples");
    static final Path README = Paths.get("../README.md");

    static Map<String, String> snippets() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> main = Files.list(SOURCES); Stream<Path> test = Files.list(TESTS)) {
            files = Stream.concat(main, test).filter(p -> p.toString().endsWith(".java")).sorted()
                    .collect(Collectors.toList());
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = null;
            List<String> body = new ArrayList<>();
            for (String line : lines) {
                String trimmed = line.trim();
                if (trimmed.startsWith("// README: ")) {
                    String marker = trimmed.substring("// README: ".length());
                    if (marker.equals("end")) {
                        out.put(file.getFileName() + "#" + name, dedent(body));
                        name = null;
                        body.clear();
                    } else {
                        name = marker;
                    }
                } else if (name != null) {
                    body.add(line);
                }
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
    void everySnippetStandsInTheReadme() throws IOException {
        Map<String, String> snippets = snippets();
        assertFalse(snippets.isEmpty(), "no README markers found under " + SOURCES.toAbsolutePath());
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            assertTrue(readme.contains(snippet.getValue()), () -> "README.md lacks the snippet " + snippet.getKey()
                    + " exactly as compiled:\n" + snippet.getValue());
        }
    }
}
