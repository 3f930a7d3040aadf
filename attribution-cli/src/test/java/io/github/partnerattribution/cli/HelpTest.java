package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Help, of every command and subcommand: it reads as sentences within a terminal's width, and it never breaks a token
 * across lines (a broken file name, URL or command is a copy-and-paste trap).
 */
class HelpTest {
    /** The command line with every command, and each of its commands and subcommands, the root first. */
    static List<CommandLine> commands() {
        List<CommandLine> commands = new ArrayList<>(List.of(AttributionCli.commandLine("--help")));
        for (int i = 0; i < commands.size(); i++) {
            commands.addAll(commands.get(i).getSubcommands().values());
        }
        return commands;
    }

    /**
     * Help reads as sentences: each paragraph of a command's description is whole (picocli starts every element on
     * a line of its own, and the command list shows the first one only), and no help line is wider than 80 columns.
     */
    @Test
    void everyHelpParagraphIsWholeAndFitsATerminal() {
        List<CommandLine> commands = commands();
        for (CommandLine command : commands) {
            for (String paragraph : command.getCommandSpec().usageMessage().description()) {
                assertTrue(paragraph.endsWith(".") || paragraph.endsWith(":") || paragraph.endsWith(")"),
                        command.getCommandName() + ": a description paragraph ends mid-sentence: " + paragraph);
            }
            for (String line : command.getUsageMessage().split("\\R")) {
                assertTrue(line.length() <= 80, command.getCommandName() + ": a help line of " + line.length()
                        + " columns: " + line);
            }
        }
        assertTrue(commands.size() > 12, "nested subcommands are looked at too: " + commands.size());
    }

    /**
     * Every word of every description, option and default value appears whole in the help of its command as printed
     * at picocli's width, and every example line of a footer appears as written.
     */
    @Test
    void noCommandsHelpBreaksAToken() {
        List<String> broken = new ArrayList<>();
        for (CommandLine command : commands()) {
            check(command, broken);
        }
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
    }
}
