package io.github.partnerattribution.examples;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.CustomerNotice;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: what the library does to partner ids and User-Agents, printed. Exits 0 only if every
 * check it makes holds.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        System.out.println("Partner ids, as partners write them:");
        List<String> inputs = List.of(
                "PID-1B2C3D4E-5F60-4A7B-8C9D-0E1F2A3B4C5D",
                "{1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d}",
                "pid-a63dea86-f8db-4e75-a231-1145d4f3ab6e-partnercenter",
                "eb7927c8-dd66-43e1-b0cf-c346a422063",
                "pid-pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        int invalid = 0;
        for (String input : inputs) {
            try {
                PartnerId id = PartnerId.parse(input);
                System.out.printf("  ok       %-58s -> %s%n", input, id.token());
            } catch (InvalidPartnerIdException e) {
                invalid++;
                System.out.printf("  invalid  %-58s -> %s%n", input, e.problem());
            }
        }

        PartnerId id = PartnerId.parse(inputs.get(0));
        Attribution attribution = Attribution.of(id, Map.of(), Map.of());
        String sdk = "azsdk-java-azure-resourcemanager-resources/2.57.0 (17.0.15; Linux; 6.1.0)";
        String once = attribution.apply(sdk);
        String twice = attribution.apply(once);
        System.out.println();
        System.out.println("User-Agent of an ARM request, attributed (twice, as a retry would):");
        System.out.println("  " + twice);

        Attribution optedOut = Attribution.of(id, Map.of(), Map.of(Attribution.DISABLED_VARIABLE, "true"));
        System.out.println("With " + Attribution.DISABLED_VARIABLE + "=true (the customer's opt-out):");
        System.out.println("  " + optedOut.apply(sdk));

        System.out.println();
        System.out.print(CustomerNotice.create("Contoso", CustomerNotice.Kind.SDK).text());

        boolean ok = invalid == 2 && UserAgents.carriesExactlyOnce(twice, id) && twice.endsWith(id.token())
                && twice.startsWith(sdk) && sdk.equals(optedOut.apply(sdk));
        System.out.println();
        System.out.println(ok ? "Demo OK: every request attributed exactly once, opt-out honoured."
                : "Demo FAILED: see above.");
        if (!ok) {
            System.exit(1);
        }
    }
}
