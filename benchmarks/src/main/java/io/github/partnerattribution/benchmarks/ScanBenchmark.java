package io.github.partnerattribution.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code ArmTemplates.scan} of a generated repository of 1,000 templates ({@link TemplateTree}), against walking the
 * same tree, reading every {@code .json} file and parsing it with Jackson in the same dialect: into its tree (a plain
 * parse, the goal's baseline) and, the bare floor, only tokenizing it; and the scan of the same 1,000 templates written
 * in Bicep, against the JSON scan. One operation is the whole tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private Path root;

    @Setup
    public void generate() throws IOException {
        root = tree(false);
    }

    /** The Bicep tree, a state of its own: written only for the benchmark that reads it. */
    @State(Scope.Benchmark)
    public static class BicepTree {
        Path root;

        @Setup
        public void generate() throws IOException {
            root = bicepTree();
        }

        @TearDown
        public void delete() throws IOException {
            ScanBenchmark.delete(root);
        }
    }

    /**
     * The same 1,000 templates in Bicep, generated side by side with the JSON tree (the same resources and links, one
     * {@code module} for each {@code templateLink}); checked to scan as 1,000 templates with every link followed.
     */
    static Path bicepTree() throws IOException {
        Path dir = Files.createTempDirectory("scan-benchmark-bicep");
        List<Path> templates = TemplateTree.writeBicep(dir, 100);
        ScanReport report = ArmTemplates.scan(dir);
        if (templates.size() != 1000 || report.templates().size() != 1000
                || report.linksFollowed() != TemplateTree.links(100) || report.linksUnresolved() != 0
                || report.findings().stream().anyMatch(f -> f.severity() == io.github.partnerattribution.templates.Severity.ERROR)) {
            throw new IllegalStateException("the Bicep tree scanned as " + report.templates().size() + " templates, "
                    + report.linksFollowed() + " links followed (" + report.linksUnresolved() + " not resolved), not 1000"
                    + " and " + TemplateTree.links(100) + " and no error: " + report.notes() + " "
                    + report.findings().stream().limit(3).collect(Collectors.toList()));
        }
        return dir;
    }

    /**
     * A tree of 1,000 templates, its links literal or written through variables and parameter prefixes; checked to
     * scan as 1,000 templates with every one of its 900 links followed and none left unresolved.
     */
    static Path tree(boolean expressionLinks) throws IOException {
        Path dir = Files.createTempDirectory("scan-benchmark");
        List<Path> templates = TemplateTree.write(dir, 100, expressionLinks);
        if (templates.size() != 1000) {
            throw new IllegalStateException("expected 1000 templates, wrote " + templates.size());
        }
        ScanReport report = ArmTemplates.scan(dir);
        if (report.templates().size() != 1000 || report.linksFollowed() != TemplateTree.links(100)
                || report.linksUnresolved() != 0) {
            throw new IllegalStateException("scan found " + report.templates().size() + " templates and followed "
                    + report.linksFollowed() + " links (" + report.linksUnresolved() + " not resolved), not 1000 and "
                    + TemplateTree.links(100) + ": " + report.notes());
        }
        return dir;
    }

    @TearDown
    public void delete() throws IOException {
        delete(root);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** What a plain parse reads: every JSON file under the root, found by a walk (part of what is measured). */
    private List<Path> jsonFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).collect(Collectors.toList());
        }
    }

    /** The lower bound: walk, read every JSON file, parse it (tokens only). */
    @Benchmark
    public void readAndParse(Blackhole bh) throws IOException {
        List<Path> files = jsonFiles();
        for (Path file : files) {
            try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
                while (parser.nextToken() != null) {
                    bh.consume(parser.currentToken());
                }
            }
        }
    }

    /** A plain parse: walk, read every JSON file, parse it into Jackson's tree. */
    @Benchmark
    public void readAndReadTree(Blackhole bh) throws IOException {
        List<Path> files = jsonFiles();
        for (Path file : files) {
            bh.consume(MAPPER.readTree(Files.readAllBytes(file)));
        }
    }

    /** The whole scan: discovery, links, roles and every rule on every template. */
    @Benchmark
    public void scan(Blackhole bh) throws IOException {
        bh.consume(ArmTemplates.scan(root));
    }

    /** The whole scan of the same templates in Bicep: the JSON scan above is its twin. */
    @Benchmark
    public void scanBicep(BicepTree bicep, Blackhole bh) throws IOException {
        bh.consume(ArmTemplates.scan(bicep.root));
    }

}
