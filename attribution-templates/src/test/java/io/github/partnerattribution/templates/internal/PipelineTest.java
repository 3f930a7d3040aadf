package io.github.partnerattribution.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline reads each file once, whoever needs it: a module's callers, a loaded file's users, the scan itself. */
class PipelineTest {
    private static final String ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    private static final TemplateChecker.Findings<String> CODES = new TemplateChecker.Findings<String>() {
        @Override
        public String make(String code, Severity severity, String file, int line, int column, String message,
                String hint) {
            return code;
        }
    };

    @TempDir
    Path dir;

    @Test
    void aModuleWithThreeCallersAndAFileLoadedTwiceAreEachReadOnce() throws IOException {
        Files.writeString(dir.resolve("ids.json"), "{\"pid\": \"pid-" + ID + "\"}\n");
        Files.createDirectories(dir.resolve("modules"));
        Files.writeString(dir.resolve("modules/empty.bicep"), "output done bool = true\n");
        for (String caller : List.of("a", "b", "c")) {
            Files.writeString(dir.resolve(caller + ".bicep"), "var ids = loadJsonContent('ids.json')\n\n"
                    + "module pid 'modules/empty.bicep' = {\n  name: ids.pid\n}\n");
        }
        Pipeline.Result<String> result = Pipeline.scanning(TemplateOptions.defaults(), CODES).scan(dir);
        assertEquals(5, result.filesRead, "a, b, c, the module and ids.json, once each");
        Map<String, List<String>> findings = new TreeMap<>();
        for (Pipeline.Checked<String> t : result.templates) {
            findings.put(dir.relativize(t.file).toString(), t.findings);
        }
        // each caller's module deploys nothing and is named pid-<guid>: a tracking resource, so no CUA001
        assertEquals(List.of(), findings.get("a.bicep"), findings.toString());
        assertEquals(TemplateRole.LINKED, roleOf(result, "modules/empty.bicep"));
    }

    @Test
    void checkingFilesThatShareAModuleReadsItOnce() throws IOException {
        Files.writeString(dir.resolve("empty.bicep"), "output done bool = true\n");
        List<Path> files = new ArrayList<>();
        for (String caller : List.of("main.bicep", "other.bicep")) {
            files.add(Files.writeString(dir.resolve(caller), "module pid 'empty.bicep' = {\n  name: 'pid-" + ID
                    + "'\n}\n"));
        }
        Pipeline.Result<String> result = Pipeline.checking(TemplateOptions.defaults(), CODES).checkAll(files);
        assertEquals(3, result.filesRead);
    }

    private TemplateRole roleOf(Pipeline.Result<String> result, String relative) {
        for (Pipeline.Checked<String> t : result.templates) {
            if (dir.relativize(t.file).toString().equals(relative)) {
                return t.role;
            }
        }
        return null;
    }
}
