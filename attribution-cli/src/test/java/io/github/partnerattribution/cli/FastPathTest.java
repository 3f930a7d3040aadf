package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form the fast path runs gives what picocli gives, byte for byte and exit code for exit code; every other form
 * is left to picocli. Both lists are derived from {@link PlainForms}: each form with each of its values, each option
 * with each of its choices and the ends of its range and one past them, all options at once in both orders; then each
 * form with help, an unknown option, an option twice, without its value or in {@code --name=value} form, a value that
 * is not a choice, too few or too many values.
 */
class FastPathTest {
    static final String ID = CliTest.ID;

    @TempDir
    Path dir;

    /**
     * Samples of each form's values (by the form's name) and of each free-text option's value (by the option's name),
     * the first one valid. A form or option added to the table without samples fails {@link #everyFormHasSamples}.
     */
    Map<String, List<String>> samples = new HashMap<>();

    @BeforeEach
    void writeSamples() throws IOException {
        String schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
        Path good = Files.writeString(dir.resolve("mainTemplate.json"), "{ \"$schema\": \"" + schema + "\","
                + " \"resources\": [ { \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\","
                + " \"name\": \"pid-" + ID + "\", \"properties\": { \"mode\": \"Incremental\", \"template\":"
                + " { \"resources\": [] } } } ] }\n");
        Path missing = Files.writeString(dir.resolve("azuredeploy.json"), "{ \"$schema\": \"" + schema + "\","
                + " \"resources\": [] }\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"$schema\": \"" + schema + "\", \"resources\": [ }\n");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path registry = Files.writeString(dir.resolve("pid.properties"), "offer.main=" + ID + "\noffer.trial=pid-" + ID
                .replace('1', '2') + "\n");
        Path twice = Files.writeString(dir.resolve("bad.properties"), "offer.main=" + ID + "\noffer.main=x\n");
        samples.put(PlainForms.Form.GUID_CHECK.name(), List.of(ID, "PID-" + ID.toUpperCase(Locale.ROOT),
                "{" + ID + "}", "not-a-guid", "eb7927c8-dd66-43e1-b0cf-c346a422063"));
        samples.put(PlainForms.Form.TEMPLATE_RULES.name(), List.of("CUA003", "cua021"));
        samples.put(PlainForms.Form.TEMPLATE_CHECK.name(), List.of(good.toString(), missing.toString(),
                broken.toString(), dir.resolve("nowhere.json").toString(), dir.toString()));
        samples.put(PlainForms.Form.TEMPLATE_SCAN.name(), List.of(dir.toString(), empty.toString(), good.toString()));
        samples.put(PlainForms.PID, List.of(ID, "pid-1b2c3d4e"));
        samples.put(PlainForms.PARTNER, List.of("Contoso", "Contoso Ltd.", " "));
        samples.put(PlainForms.OPT_OUT_PARAMETER, List.of("enableTelemetry"));
        samples.put(PlainForms.FILE, List.of(registry.toString(), twice.toString(),
                dir.resolve("none.properties").toString()));
    }

    static CliTest.Run fast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer exit = FastPath.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return exit == null ? null : new CliTest.Run(exit, out.toString(), err.toString());
    }

    /** The values an option may take in a form that runs fast, the first one valid; none for a flag. */
    List<String> values(PlainForms.Option option) {
        switch (option.value) {
            case NUMBER:
                return List.of("3", String.valueOf(PlainForms.COUNT_MIN), String.valueOf(PlainForms.COUNT_MAX),
                        String.valueOf(PlainForms.COUNT_MIN - 1), String.valueOf(PlainForms.COUNT_MAX + 1));
            case CHOICE:
                return option.choices;
            case FLAG:
                return List.of();
            default:
                return samples.getOrDefault(option.name, List.of());
        }
    }

    /** The samples of a form's values. */
    List<String> values(PlainForms.Form form) {
        return samples.getOrDefault(form.name(), List.of());
    }

    /** The form's words, then its required options, each with its first value, then {@code values}. */
    List<String> form(PlainForms.Form form, List<String> values) {
        List<String> args = words(form);
        for (PlainForms.Option option : form.options) {
            if (option.required) {
                args.addAll(List.of(option.name, values(option).get(0)));
            }
        }
        args.addAll(values);
        return args;
    }

    static List<String> words(PlainForms.Form form) {
        return new ArrayList<>(form.subcommand == null ? List.of(form.command) : List.of(form.command, form.subcommand));
    }

    /** The form with as few values as it takes: the first samples. */
    List<String> fewest(PlainForms.Form form) {
        return form(form, values(form).subList(0, form.minValues));
    }

    @SafeVarargs
    static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** Every form the table says runs fast. */
    List<List<String>> fastForms() {
        List<List<String>> forms = new ArrayList<>();
        for (PlainForms.Form form : PlainForms.Form.values()) {
            forms.add(fewest(form));
            for (String value : form.maxValues == 0 ? List.<String>of() : values(form)) {
                forms.add(form(form, List.of(value)));
            }
            if (form.maxValues >= values(form).size() && values(form).size() > 1) {
                forms.add(form(form, values(form)));
            }
            List<List<String>> given = new ArrayList<>(); // each option once, with its last value
            for (PlainForms.Option option : form.options) {
                if (option.value == PlainForms.Value.FLAG) {
                    forms.add(join(fewest(form), List.of(option.name)));
                    given.add(List.of(option.name));
                    continue;
                }
                List<String> values = values(option);
                for (String value : values.subList(option.required ? 1 : 0, values.size())) {
                    List<String> args = fewest(form);
                    if (option.required) {
                        args.set(args.indexOf(option.name) + 1, value);
                    } else {
                        args.addAll(List.of(option.name, value));
                    }
                    forms.add(args);
                }
                given.add(List.of(option.name, values.get(values.size() - 1)));
            }
            if (!given.isEmpty()) {
                List<String> last = form.maxValues == 0 || values(form).isEmpty() ? List.of()
                        : values(form).subList(values(form).size() - 1, values(form).size());
                List<String> inOrder = new ArrayList<>();
                List<String> reversed = new ArrayList<>();
                for (int i = 0; i < given.size(); i++) {
                    inOrder.addAll(given.get(i));
                    reversed.addAll(given.get(given.size() - 1 - i));
                }
                forms.add(join(words(form), last, inOrder));
                forms.add(join(words(form), reversed, last));
            }
        }
        return forms;
    }

    /** What the table leaves to picocli. */
    List<List<String>> picocliForms() {
        List<List<String>> forms = new ArrayList<>();
        for (PlainForms.Form form : PlainForms.Form.values()) {
            List<String> fewest = fewest(form);
            for (String extra : List.of("--help", "-h", "--debug", "--bogus", "-V", "--version", "--", "@args.txt", "")) {
                forms.add(join(fewest, List.of(extra)));
            }
            forms.add(words(form).subList(0, words(form).size() - 1));
            if (form.minValues > 0) {
                forms.add(form(form, List.of()));
            }
            if (form.maxValues == 0) {
                forms.add(join(fewest, List.of("value")));
            } else if (form.maxValues < Integer.MAX_VALUE) {
                forms.add(form(form, Collections.nCopies(form.maxValues + 1, values(form).get(0))));
            }
            forms.add(join(fewest, List.of("-value")));
            for (PlainForms.Option option : form.options) {
                if (option.value == PlainForms.Value.FLAG) {
                    forms.add(join(fewest, List.of(option.name + "=true")));
                    forms.add(join(fewest, List.of(option.name, option.name)));
                    continue;
                }
                List<String> without = fewest(form);
                if (option.required) {
                    without.subList(without.indexOf(option.name), without.indexOf(option.name) + 2).clear();
                    forms.add(new ArrayList<>(without));
                }
                String value = values(option).get(0);
                forms.add(join(without, List.of(option.name + "=" + value)));
                forms.add(join(without, List.of(option.name)));
                forms.add(join(without, List.of(option.name, "-" + value)));
                forms.add(join(without, List.of(option.name, value, option.name, value)));
                List<String> invalid = option.value == PlainForms.Value.NUMBER ? List.of("x", "010", "99999", "-1")
                        : option.value == PlainForms.Value.CHOICE ? List.of("bogus", value.toUpperCase(Locale.ROOT))
                        : List.of();
                for (String bad : invalid) {
                    forms.add(join(without, List.of(option.name, bad)));
                }
            }
        }
        forms.addAll(List.of(List.of(), List.of("verify"), List.of("registry", "check", "--file", "x"),
                List.of("template", "rules", "CUA999"), List.of("template", "check", "--format", "json", "x.json")));
        return forms;
    }

    @Test
    void everyFormHasSamples() {
        for (PlainForms.Form form : PlainForms.Form.values()) {
            assertTrue(values(form).size() >= Math.max(1, form.minValues) || form.maxValues == 0,
                    "FastPathTest.samples has values for " + form);
            for (PlainForms.Option option : form.options) {
                assertTrue(option.value == PlainForms.Value.FLAG || !values(option).isEmpty(),
                        "FastPathTest.samples has values for " + option.name);
            }
        }
    }

    @Test
    void eachFastFormPrintsWhatPicocliPrints() {
        List<List<String>> forms = fastForms();
        for (List<String> args : forms) {
            String[] form = args.toArray(new String[0]);
            CliTest.Run fast = fast(form);
            assertNotNull(fast, String.join(" ", form) + " runs fast");
            assertEquals(unrandom(CliTest.run(form)), unrandom(fast), String.join(" ", form));
        }
        assertTrue(forms.size() > 4 * PlainForms.Form.values().length, forms.size() + " forms");
    }

    /** The run with each line that is a random GUID alone ({@code guid new}) replaced by the word GUID. */
    static CliTest.Run unrandom(CliTest.Run run) {
        String guid = "(?m)^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
        return new CliTest.Run(run.exit(), run.out().replaceAll(guid, "GUID"), run.err());
    }

    @Test
    void everyOtherFormIsLeftToPicocli() {
        List<List<String>> forms = picocliForms();
        for (List<String> form : forms) {
            assertNull(fast(form.toArray(new String[0])), String.join(" ", form));
        }
        assertFalse(forms.isEmpty());
    }

    /** {@code doctor} reads the environment: each setting both ways, the escape sequence in the bad one included. */
    @Test
    void doctorPrintsWhatPicocliPrintsForEachSetting() {
        java.util.function.Supplier<Map<String, String>> real = DoctorCommand.environment;
        try {
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("AZURE_PARTNER_ID", ID),
                    Map.of("AZURE_PARTNER_ID", "not-a-guid\u001b[31m"),
                    Map.of("AZURE_PARTNER_ID", ID, "AZURE_PARTNER_ATTRIBUTION_DISABLED", "true"))) {
                DoctorCommand.environment = () -> env;
                CliTest.Run fast = fast("doctor");
                assertNotNull(fast, "doctor runs fast");
                assertEquals(CliTest.run("doctor"), fast, env.toString());
            }
        } finally {
            DoctorCommand.environment = real;
        }
    }

    @Test
    void guidNewPrintsAsManyGuidsAsAsked() {
        CliTest.Run one = fast("guid", "new");
        CliTest.Run three = fast("guid", "new", "--count", "3");
        assertTrue(one.out().matches("[0-9a-f-]{36}\n") && three.out().matches("([0-9a-f-]{36}\n){3}"), one + " " + three);
        assertEquals(CliTest.run("guid", "new", "--count", "3").out().length(), three.out().length());
    }
}
