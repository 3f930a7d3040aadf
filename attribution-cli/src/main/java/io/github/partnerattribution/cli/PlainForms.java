package io.github.partnerattribution.cli;

import io.github.partnerattribution.templates.TemplateOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The local commands' plain forms, in one table: each form's words, its options with their defaults, choices and
 * ranges, how many values it takes, and the body it runs. {@link FastPath} reads the table; the picocli commands
 * declare their names, options and defaults with its constants; {@code FastPathTest} derives the forms it compares
 * from it. A form added here is run fast, and tested both ways, with nothing else to change.
 */
final class PlainForms {
    static final String GUID = "guid";
    static final String NEW = "new";
    static final String CHECK = "check";
    static final String USER_AGENT = "user-agent";
    static final String NOTICE = "notice";
    static final String REGISTRY = "registry";
    static final String LIST = "list";
    static final String DOCTOR = "doctor";
    static final String TEMPLATE = "template";
    static final String SCAN = "scan";
    static final String RULES = "rules";

    static final String COUNT = "--count";
    static final String COUNT_DEFAULT = "1";
    static final int COUNT_MIN = 1;
    static final int COUNT_MAX = 1000;
    static final String PID = "--pid";
    static final String SHELL = "--shell";
    static final String SHELL_DEFAULT = "bash";
    static final String PARTNER = "--partner";
    static final String KIND = "--kind";
    static final String KIND_DEFAULT = "template";
    static final String OPT_OUT_PARAMETER = "--opt-out-parameter";
    static final String FORMAT = "--format";
    /** The default of both {@code notice --format} and {@code template check/scan --format}. */
    static final String FORMAT_DEFAULT = "text";
    static final String FILE = "--file";
    static final String VERBOSE = "--verbose";

    private PlainForms() {
    }

    /** How an option of a plain form takes its value. */
    enum Value {
        /** Any value that does not look like an option. */
        TEXT,
        /** Digits, at most four of them, with no leading zero; its range is the body's to check, as in picocli. */
        NUMBER,
        /** One of the option's choices. */
        CHOICE,
        /** No value: the option's presence. */
        FLAG
    }

    /** An option of a plain form: its name, how it takes a value, whether it is required, and its default. */
    static final class Option {
        final String name;
        final Value value;
        final boolean required;
        /** The value when the option is not given; null when there is none. */
        final String defaultValue;
        final List<String> choices;

        private Option(String name, Value value, boolean required, String defaultValue, List<String> choices) {
            this.name = name;
            this.value = value;
            this.required = required;
            this.defaultValue = defaultValue;
            this.choices = choices;
        }

        static Option required(String name) {
            return new Option(name, Value.TEXT, true, null, Collections.<String>emptyList());
        }

        static Option optional(String name) {
            return new Option(name, Value.TEXT, false, null, Collections.<String>emptyList());
        }

        static Option number(String name, String defaultValue) {
            return new Option(name, Value.NUMBER, false, defaultValue, Collections.<String>emptyList());
        }

        static Option flag(String name) {
            return new Option(name, Value.FLAG, false, null, Collections.<String>emptyList());
        }

        static <E extends Enum<E>> Option choice(String name, String defaultValue, E[] choices) {
            List<String> names = new ArrayList<>();
            for (E e : choices) {
                names.add(e.name());
            }
            return new Option(name, Value.CHOICE, false, defaultValue, Collections.unmodifiableList(names));
        }
    }

    /** A form's arguments as read: each option's value (absent when not given) and its values in order. */
    static final class Arguments {
        final Map<String, String> options;
        final List<String> values;

        Arguments(Map<String, String> options, List<String> values) {
            this.options = options;
            this.values = values;
        }

        /** The value of an option, or its default; null for an optional option not given. */
        String option(Option option) {
            String given = options.get(option.name);
            return given != null ? given : option.defaultValue;
        }

        boolean flag(Option option) {
            return options.containsKey(option.name);
        }
    }

    private static final Option COUNT_OPTION = Option.number(COUNT, COUNT_DEFAULT);
    private static final Option PID_OPTION = Option.required(PID);
    private static final Option SHELL_OPTION = Option.choice(SHELL, SHELL_DEFAULT, UserAgentCommand.Shell.values());
    private static final Option PARTNER_OPTION = Option.required(PARTNER);
    private static final Option KIND_OPTION = Option.choice(KIND, KIND_DEFAULT, NoticeCommand.Kind.values());
    private static final Option OPT_OUT_OPTION = Option.optional(OPT_OUT_PARAMETER);
    private static final Option NOTICE_FORMAT_OPTION = Option.choice(FORMAT, FORMAT_DEFAULT,
            NoticeCommand.Format.values());
    private static final Option FILE_OPTION = Option.required(FILE);
    private static final Option VERBOSE_OPTION = Option.flag(VERBOSE);

    /** The plain forms, each with the body that its picocli command runs too. */
    enum Form {
        GUID_CHECK(GUID, CHECK, 1, Integer.MAX_VALUE) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                return GuidCommand.Check.check(a.values, out);
            }
        },
        GUID_NEW(GUID, NEW, 0, 0, COUNT_OPTION) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                return GuidCommand.New.print(Integer.parseInt(a.option(COUNT_OPTION)), out);
            }
        },
        USER_AGENT_LINE(USER_AGENT, null, 0, 0, PID_OPTION, SHELL_OPTION) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                out.println(UserAgentCommand.line(a.option(PID_OPTION),
                        UserAgentCommand.Shell.valueOf(a.option(SHELL_OPTION))));
                return 0;
            }
        },
        NOTICE_TEXT(NOTICE, null, 0, 0, PARTNER_OPTION, KIND_OPTION, OPT_OUT_OPTION, NOTICE_FORMAT_OPTION) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                return NoticeCommand.print(a.option(PARTNER_OPTION), NoticeCommand.Kind.valueOf(a.option(KIND_OPTION)),
                        a.option(OPT_OUT_OPTION), NoticeCommand.Format.valueOf(a.option(NOTICE_FORMAT_OPTION)), out);
            }
        },
        REGISTRY_LIST(REGISTRY, LIST, 0, 0, FILE_OPTION) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) throws IOException {
                return RegistryCommand.List.list(Paths.get(a.option(FILE_OPTION)), out);
            }
        },
        DOCTOR_REPORT(DOCTOR, null, 0, 0) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                return DoctorCommand.print(out, err);
            }
        },
        TEMPLATE_RULES(TEMPLATE, RULES, 0, 1, VERBOSE_OPTION) {
            @Override
            boolean accepts(String value) {
                return TemplateCommand.Rules.rule(value) != null; // else picocli names the codes there are
            }

            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) {
                return TemplateCommand.Rules.print(a.values.isEmpty() ? null : a.values.get(0), a.flag(VERBOSE_OPTION),
                        out);
            }
        },
        TEMPLATE_CHECK(TEMPLATE, CHECK, 1, Integer.MAX_VALUE) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) throws IOException {
                List<Path> paths = new ArrayList<>();
                for (String value : a.values) {
                    paths.add(Paths.get(value));
                }
                return TemplateCommand.Reading.print(TemplateCommand.Format.valueOf(FORMAT_DEFAULT), out, err,
                        TemplateCommand.Check.check(paths, TemplateOptions.defaults()));
            }
        },
        TEMPLATE_SCAN(TEMPLATE, SCAN, 1, 1) {
            @Override
            int run(Arguments a, PrintWriter out, PrintWriter err) throws IOException {
                return TemplateCommand.Reading.print(TemplateCommand.Format.valueOf(FORMAT_DEFAULT), out, err,
                        TemplateCommand.Scan.scan(Paths.get(a.values.get(0)), TemplateOptions.defaults()));
            }
        };

        final String command;
        /** The subcommand; null for a command that has none. */
        final String subcommand;
        final int minValues;
        final int maxValues;
        final List<Option> options;

        Form(String command, String subcommand, int minValues, int maxValues, Option... options) {
            this.command = command;
            this.subcommand = subcommand;
            this.minValues = minValues;
            this.maxValues = maxValues;
            List<Option> list = new ArrayList<>();
            Collections.addAll(list, options);
            this.options = Collections.unmodifiableList(list);
        }

        /** The words that name the form: the command, then its subcommand when it has one. */
        int words() {
            return subcommand == null ? 1 : 2;
        }

        /** Whether a value (one that does not look like an option) is one the form takes. */
        boolean accepts(String value) {
            return true;
        }

        abstract int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException;
    }
}
