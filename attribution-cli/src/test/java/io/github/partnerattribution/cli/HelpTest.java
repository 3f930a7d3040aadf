package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Help never breaks a token across lines: every word of every description, option and default value appears whole in
 * the help of its command as printed at picocli's width, and every example line of a footer appears as written. A
 * broken file name, URL or command is a copy-and-paste trap.
 */
class HelpTest {
    @Test
    void noCommandsHelpBreaksAToken() {
        List<String> broken = new ArrayList<>();
        check(AttributionCli.commandLine(), broken);
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    private static void check(CommandLine cli, List<String> broken) {
        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        String name = cli.getCommandSpec().qualifiedName();
        List<String> lines = List.of(help.split("\\R"));
        for (String example : cli.getCommandSpec().usageMessage().footer()) {
            if (!example.isEmpty() && !lines.contains(example)) {
                broken.add(name + ": the example line is not printed as written: " + example);
            }
        }
        List<String> texts = new ArrayList<>(List.of(cli.getCommandSpec().usageMessage().description()));
        for (ArgSpec arg : cli.getCommandSpec().args()) {
            texts.addAll(List.of(arg.description()));
            if (arg.defaultValue() != null) {
                texts.add(arg.defaultValue());
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                texts.add(description[0]); // a command list shows a subcommand's first paragraph
            }
        }
        for (String text : texts) {
            for (String token : text.split("\\s+")) {
                if (token.length() > 1 && !token.contains("${") && !help.contains(token)) {
                    broken.add(name + ": " + token);
                }
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            check(sub, broken);
        }
    }
}
