package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.InvalidRegistryException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = PlainForms.REGISTRY, mixinStandardHelpOptions = true,
        description = "The partner's GUID registry: one GUID per offer, channel and optional SKU, in a properties file.",
        subcommands = {RegistryCommand.List.class, RegistryCommand.Get.class, RegistryCommand.Check.class,
                RegistryCommand.Add.class})
final class RegistryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class File {
        @Option(names = PlainForms.FILE, required = true, paramLabel = "FILE", description = "The registry properties file.")
        Path path;

        PartnerIdRegistry load() throws IOException {
            return RegistryCommand.load(path);
        }
    }

    /** A registry file, named before anything is read when it is missing, a folder or a FIFO. */
    static PartnerIdRegistry load(Path path) throws IOException {
        FileEdit.regularFile(path);
        return PartnerIdRegistry.load(path);
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print the id of an offer in a channel (and SKU) alone, for scripts: the most specific of"
                    + " offer.channel.sku, offer.channel and offer; exit 1 when there is none.",
            footer = {"", "Example:", "  attribution template replace mainTemplate.json \\",
                    "    --pid \"$(attribution registry get --file pid.properties backup marketplace)\""})
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        File file;

        @Parameters(index = "0", paramLabel = "OFFER", description = "The offer, such as backup.")
        String offer;

        @Parameters(index = "1", paramLabel = "CHANNEL", description = "The channel, such as marketplace.")
        String channel;

        @Parameters(index = "2", arity = "0..1", paramLabel = "SKU", description = "The SKU, if any.")
        String sku;

        @Override
        public Integer call() throws IOException {
            PartnerIdRegistry registry = file.load();
            PartnerId id;
            try {
                id = registry.lookup(offer, channel, sku);
            } catch (java.util.NoSuchElementException none) {
                throw Failure.invalidInput(none.getMessage());
            }
            // the form the registry and Partner Center write: the GUID, or the whole token of a Partner Center id
            spec.commandLine().getOut().println(id.isPartnerCenter() ? id.token() : id.guid());
            return 0;
        }
    }

    static int problems(CommandSpec spec, InvalidRegistryException e) {
        return problems(spec.commandLine().getOut(), e);
    }

    static int problems(PrintWriter out, InvalidRegistryException e) {
        e.problems().forEach(problem -> out.println(Text.printable(problem)));
        out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
        return AttributionCli.FINDINGS;
    }

    @Command(name = PlainForms.LIST, mixinStandardHelpOptions = true, description = "List the registry: key, GUID, description.",
            footer = {"", "Example:  attribution registry list --file pid.properties"})
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        File file;

        @Override
        public Integer call() throws IOException {
            return list(file.path, spec.commandLine().getOut());
        }

        /** Lists a registry file; the one body of {@code registry list}, for picocli and {@link FastPath}. */
        static int list(Path path, PrintWriter out) throws IOException {
            PartnerIdRegistry registry;
            try {
                registry = load(path);
            } catch (InvalidRegistryException e) {
                return problems(out, e);
            }
            int width = 3;
            for (PartnerIdRegistry.Entry e : registry.entries()) {
                width = Math.max(width, e.key().length());
            }
            out.println(Text.padded("KEY", width) + "  " + Text.padded("GUID", 36) + "  DESCRIPTION");
            for (PartnerIdRegistry.Entry e : registry.entries()) {
                out.println(Text.padded(Text.printable(e.key()), width) + "  " + Text.padded(e.partnerId().guid(), 36)
                        + "  " + Text.printable(e.description().isEmpty() ? e.key() : e.description()));
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the registry: malformed GUIDs, keys defined twice, one GUID under two offers.",
            footer = {"", "Example:  attribution registry check --file pid.properties"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        File file;

        @Override
        public Integer call() throws IOException {
            try {
                PartnerIdRegistry registry = file.load();
                spec.commandLine().getOut().println("ok: " + registry.entries().size() + " entries in " + file.path);
                return 0;
            } catch (InvalidRegistryException e) {
                return problems(spec, e);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Make a GUID for an offer, channel and optional SKU, add it atomically, and print the row to"
                    + " register in Partner Center.",
            footer = {"", "Example:", "  attribution registry add --file pid.properties --offer backup \\",
                    "      --channel marketplace --description \"Contoso Backup in Azure Marketplace\""})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        File file;

        @Option(names = "--offer", required = true, description = "The offer, such as backup.")
        String offer;

        @Option(names = "--channel", required = true, description = "The distribution channel, such as marketplace or github.")
        String channel;

        @Option(names = "--sku", description = "The SKU, for a GUID per SKU.")
        String sku;

        @Option(names = "--description", defaultValue = "", description = "Partner Center's Custom Description.")
        String description;

        @Override
        public Integer call() throws IOException {
            requireKeyPart("--offer", offer);
            requireKeyPart("--channel", channel);
            if (sku != null) {
                requireKeyPart("--sku", sku);
            }
            String key = offer + "." + channel + (sku == null ? "" : "." + sku);
            PartnerId id = PartnerId.random();
            try {
                PartnerIdRegistry.append(file.path, key, id, description);
            } catch (InvalidRegistryException e) {
                return problems(spec, e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("added " + key + "=" + id.guid() + " to " + file.path);
            out.println("Register it in Partner Center (Tracking GUID, then Custom Description):");
            out.println(id.guid() + "\t" + (description.isEmpty() ? key : description));
            return 0;
        }
    }

    /** One part of a registry key, named by its option when it is not valid. */
    static void requireKeyPart(String option, String value) {
        if (!value.matches("[A-Za-z0-9_-]+")) {
            throw Failure.invalidInput(option + " " + Text.quote(value) + " is not valid: use letters, digits,"
                    + " '-' or '_' (it becomes one part of a key such as backup.marketplace.premium); nothing was"
                    + " added");
        }
    }
}
