package io.github.partnerattribution.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Finding;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code ArmTemplates.check} over every JSON template of {@code ../shared/corpus}, against the lower bound: a plain
 * Jackson streaming parse of the same bytes (same dialect: comments allowed). One operation is the whole corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TemplateCheckBenchmark {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final List<byte[]> templates = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Path> mainCopies = new ArrayList<>();
    private static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    private static final TemplateOptions DRY_RUN = TemplateOptions.defaults().withDryRun(true);

    /** The corpus's JSON templates ({@code -Dcorpus}, by default {@code ../shared/corpus}), in path order. */
    static List<Path> corpus() throws IOException {
        Path corpus = Paths.get(System.getProperty("corpus", "../shared/corpus"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No templates under " + corpus.toAbsolutePath() + "; pass -Dcorpus=<dir>");
        }
        return files;
    }

    @Setup
    public void load() throws IOException {
        List<Path> files = corpus();
        Path copies = Files.createTempDirectory("template-benchmark");
        for (Path file : files) {
            templates.add(Files.readAllBytes(file));
            names.add(file.getFileName().toString());
            if (!file.getParent().getFileName().toString().equalsIgnoreCase("nestedtemplates")) {
                Path copy = Files.createDirectories(copies.resolve(String.valueOf(mainCopies.size()))).resolve(file.getFileName());
                Files.copy(file, copy);
                mainCopies.add(copy);
            }
        }
    }

    /** The lower bound for add: read the main templates and parse them. */
    @Benchmark
    public void readAndParseMainTemplates(Blackhole bh) throws IOException {
        for (Path file : mainCopies) {
            try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
                while (parser.nextToken() != null) {
                    bh.consume(parser.currentToken());
                }
            }
        }
    }

    /** add on every main template, computed in full but not written (a dry run), so each operation starts alike. */
    @Benchmark
    public void addMainTemplates(Blackhole bh) throws IOException {
        for (Path file : mainCopies) {
            bh.consume(ArmTemplates.add(file, ID, DRY_RUN));
        }
    }

    @Benchmark
    public void jacksonParse(Blackhole bh) throws IOException {
        for (byte[] template : templates) {
            try (JsonParser parser = JSON.createParser(template)) {
                while (parser.nextToken() != null) {
                    bh.consume(parser.currentToken());
                }
            }
        }
    }

    @Benchmark
    public void check(Blackhole bh) {
        for (int i = 0; i < templates.size(); i++) {
            List<Finding> findings = ArmTemplates.check(templates.get(i), names.get(i), TemplateRole.MAIN,
                    TemplateOptions.defaults());
            bh.consume(findings);
        }
    }
}
