package io.github.partnerattribution.core;

import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A partner's record of its GUIDs, one per offer, distribution channel and optionally SKU, kept in a properties
 * file: {@code <offer>.<channel>[.<sku>]=<guid or pid-token>}.
 *
 * <pre>
 * # Contoso Backup in Azure Marketplace
 * backup.marketplace=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
 * backup.github=pid-2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e
 * backup.marketplace.premium=pid-3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f-partnercenter
 * </pre>
 *
 * <p>Keys are dot-separated words of letters, digits, {@code -} and {@code _}; a build's own files often use more
 * or fewer levels, and those load too. A comment line right above an entry is its description (what Partner
 * Center's "Custom Description" wants). Loading is strict: a malformed GUID, a key defined twice, or one GUID
 * under two different offers (reporting would merge them) is an {@link InvalidRegistryException} listing every
 * problem. The same GUID for several channels of one offer is allowed: it is how a partner asks for one report.
 *
 * <pre>{@code
 * PartnerIdRegistry registry = PartnerIdRegistry.load(Paths.get("pid.properties"));
 * PartnerId id = registry.lookup("backup", "marketplace", "premium"); // SKU, else channel, else offer
 * }</pre>
 */
public final class PartnerIdRegistry {
    private final String source;
    private final Map<String, Entry> entries;

    private PartnerIdRegistry(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    /**
     * Reads and validates a registry file (UTF-8, with or without a byte order mark).
     *
     * @param file the properties file
     * @return the registry
     * @throws IOException if the file cannot be read
     * @throws InvalidRegistryException if its content has problems; all of them are listed
     */
    public static PartnerIdRegistry load(Path file) throws IOException {
        UserAgents.requireNonNull(file, "file");
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses and validates registry text.
     *
     * @param text the content of a registry file
     * @param source a name for the text in messages, such as its file name
     * @return the registry
     * @throws InvalidRegistryException if the text has problems; all of them are listed
     */
    public static PartnerIdRegistry parse(String text, String source) {
        UserAgents.requireNonNull(text, "text");
        String name = source == null ? "registry" : source;
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Entry> byGuid = new HashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        List<String> problems = new ArrayList<>();
        StringBuilder description = new StringBuilder();

        List<String> lines = lines(text);
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                description.setLength(0);
                continue;
            }
            if (trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                String comment = trimmed.substring(1).trim();
                if (looksLikeEntry(comment)) {
                    description.setLength(0); // a commented-out entry describes nothing
                } else if (!comment.isEmpty()) {
                    description.append(description.length() == 0 ? "" : " ").append(comment);
                }
                continue;
            }
            String where = name + ":" + n + ": ";
            int separator = separatorIndex(trimmed);
            if (separator < 0) {
                problems.add(where + "expected <offer>.<channel>[.<sku>]=<guid>, found " + Text.quote(trimmed));
                description.setLength(0);
                continue;
            }
            String key = trimmed.substring(0, separator).trim();
            String value = trimmed.substring(separator + 1).trim();
            String entryDescription = description.toString();
            description.setLength(0);
            if (value.endsWith("\\")) {
                problems.add(where + "key " + Text.quote(key) + ": line continuations are not supported");
                continue;
            }
            String keyProblem = keyProblem(key);
            if (keyProblem != null) {
                problems.add(where + keyProblem);
                continue;
            }
            Integer first = keyLines.putIfAbsent(key, n);
            if (first != null) {
                problems.add(where + "key " + Text.quote(key) + " is defined again (first on line " + first + ")");
                continue;
            }
            PartnerId id;
            try {
                id = PartnerId.parse(value);
            } catch (InvalidPartnerIdException e) {
                problems.add(where + "key " + Text.quote(key) + " = " + e.input() + ": " + e.problem());
                continue;
            }
            Entry entry = new Entry(key, id, entryDescription, n);
            Entry sameGuid = byGuid.get(id.guid());
            if (sameGuid != null && !sameGuid.offer().equals(entry.offer())) {
                problems.add(where + "GUID " + id.guid() + " of key " + Text.quote(key) + " is already used by key "
                        + Text.quote(sameGuid.key) + " (line " + sameGuid.line + ") of another offer, "
                        + Text.quote(sameGuid.offer()) + ": reporting would merge the two offers; give each its"
                        + " own GUID");
                continue;
            }
            byGuid.put(id.guid(), entry);
            entries.put(key, entry);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistryException(name, problems);
        }
        return new PartnerIdRegistry(name, Collections.unmodifiableMap(entries));
    }

    /**
     * Adds an entry to a registry file atomically, after validating the whole file with the entry added: the key
     * must be new and the GUID not registered for another offer. The description goes on a comment line right
     * above the entry. A missing file is created.
     *
     * @param file the registry file
     * @param key the key, such as {@code backup.marketplace.premium}
     * @param partnerId the id
     * @param description what Partner Center's "Custom Description" should say; may be empty
     * @return the registry as it is now in the file
     * @throws IOException if the file cannot be read or written
     * @throws InvalidRegistryException if the file, with the entry, has problems; the file is then untouched
     */
    public static PartnerIdRegistry append(Path file, String key, PartnerId partnerId, String description)
            throws IOException {
        UserAgents.requireNonNull(file, "file");
        UserAgents.requireNonNull(key, "key");
        UserAgents.requireNonNull(partnerId, "partnerId");
        String keyProblem = keyProblem(key);
        if (keyProblem != null) {
            throw new InvalidRegistryException(file.toString(), new ArrayList<>(Collections.singletonList(
                    "the new entry's " + keyProblem + "; nothing was added")));
        }
        String note = description == null ? "" : description.trim();
        for (int i = 0; i < note.length(); i++) {
            if (Text.isUnsafe(note.charAt(i))) {
                throw new InvalidRegistryException(file.toString(), new ArrayList<>(Collections.singletonList(
                        "the description " + Text.quote(note) + " holds " + Text.describe(note.charAt(i))
                                + "; nothing was added")));
            }
        }
        PartnerIdRegistry[] result = new PartnerIdRegistry[1];
        // Read, check and write under the file's lock: concurrent additions each see the one before.
        FileEdit.edit(file, false, true, current -> {
            String text = current == null ? "" : new String(current, StandardCharsets.UTF_8);
            PartnerIdRegistry existing = parse(text, file.toString());
            Entry there = existing.entries.get(key);
            if (there != null) {
                throw new InvalidRegistryException(file.toString(), new ArrayList<>(Collections.singletonList(
                        "key " + Text.quote(key) + " is already there (line " + there.line + ", "
                                + there.partnerId.guid() + "); nothing was added")));
            }
            String nl = text.contains("\r\n") ? "\r\n" : "\n";
            StringBuilder added = new StringBuilder(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                added.append(nl);
            }
            if (!text.trim().isEmpty()) {
                added.append(nl);
            }
            if (!note.isEmpty()) {
                added.append("# ").append(note).append(nl);
            }
            added.append(key).append('=').append(partnerId.guid()).append(nl);
            result[0] = parse(added.toString(), file.toString());
            return added.toString().getBytes(StandardCharsets.UTF_8);
        });
        return result[0];
    }

    /**
     * The id of an offer in a distribution channel, falling back to the offer's own entry.
     *
     * @param offer the offer, the first part of the key
     * @param channel the distribution channel, such as {@code marketplace} or {@code github}
     * @return the id
     * @throws NoSuchElementException if neither key exists; the message lists the keys that do
     */
    public PartnerId lookup(String offer, String channel) {
        return lookup(offer, channel, null);
    }

    /**
     * The id of an offer's SKU in a distribution channel, falling back from {@code offer.channel.sku} to
     * {@code offer.channel} to {@code offer}.
     *
     * @param offer the offer, the first part of the key
     * @param channel the distribution channel
     * @param sku the SKU, or null for none
     * @return the id of the most specific key that exists
     * @throws NoSuchElementException if none of the keys exists; the message lists the keys that do
     */
    public PartnerId lookup(String offer, String channel, String sku) {
        return lookupEntry(offer, channel, sku).partnerId;
    }

    /**
     * The entry {@link #lookup(String, String, String)} finds, with the key it was found under: to tell which of
     * {@code offer.channel.sku}, {@code offer.channel} and {@code offer} answered.
     *
     * <pre>{@code
     * PartnerIdRegistry.Entry entry = registry.lookupEntry("backup", "marketplace", "basic");
     * System.out.println(entry.key()); // backup.marketplace, when there is no backup.marketplace.basic
     * }</pre>
     *
     * @param offer the offer, the first part of the key
     * @param channel the distribution channel
     * @param sku the SKU, or null for none
     * @return the entry of the most specific key that exists
     * @throws NoSuchElementException if none of the keys exists; the message lists the keys that do
     */
    public Entry lookupEntry(String offer, String channel, String sku) {
        UserAgents.requireNonNull(offer, "offer");
        UserAgents.requireNonNull(channel, "channel");
        List<String> tried = new ArrayList<>(3);
        if (sku != null) {
            tried.add(offer + "." + channel + "." + sku);
        }
        tried.add(offer + "." + channel);
        tried.add(offer);
        for (String key : tried) {
            Entry entry = entries.get(key);
            if (entry != null) {
                return entry;
            }
        }
        throw new NoSuchElementException("No partner id in " + source + " for " + tried.get(0) + " (tried "
                + String.join(", ", tried) + "). " + existingKeys());
    }

    /**
     * The id under exactly this key.
     *
     * @param key a key such as {@code backup.marketplace}
     * @return the id
     * @throws NoSuchElementException if the key does not exist; the message lists the keys that do
     */
    public PartnerId get(String key) {
        Entry entry = entries.get(UserAgents.requireNonNull(key, "key"));
        if (entry == null) {
            throw new NoSuchElementException("No key " + Text.quote(key) + " in " + source + ". " + existingKeys());
        }
        return entry.partnerId;
    }

    /**
     * All entries, in file order.
     *
     * @return the entries, unmodifiable
     */
    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /**
     * The name of the file or text the registry was read from.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "PartnerIdRegistry[" + source + ", " + entries.size() + " entries]";
    }

    private String existingKeys() {
        return entries.isEmpty() ? "The registry has no entries." : "Keys it has: " + String.join(", ", entries.keySet());
    }

    private static int separatorIndex(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The lines of a text, ended by CRLF, CR or LF; the text after the last break is a line too (empty when the text
     * ends with one).
     */
    static List<String> lines(String text) {
        return java.util.Arrays.asList(text.split("\r\n|\r|\n", -1));
    }

    private static boolean looksLikeEntry(String comment) {
        int separator = separatorIndex(comment);
        return separator > 0 && keyProblem(comment.substring(0, separator).trim()) == null;
    }

    private static String keyProblem(String key) {
        if (key.isEmpty()) {
            return "an entry has no key";
        }
        boolean segmentStart = true;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    return "key " + Text.quote(key) + " has an empty part at position " + (i + 1);
                }
                segmentStart = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_') {
                segmentStart = false;
            } else {
                return "key " + Text.quote(key) + ": " + Text.describe(c) + " at position " + (i + 1)
                        + " is not allowed; a key is words of letters, digits, '-' or '_' separated by '.'";
            }
        }
        return segmentStart ? "key " + Text.quote(key) + " ends with '.'" : null;
    }

    /**
     * One line of the registry: a key, its partner id, its description and where it stands.
     *
     * <pre>{@code
     * for (PartnerIdRegistry.Entry e : registry.entries()) {
     *     System.out.println(e.partnerId().guid() + "\t" + e.description()); // the Partner Center row
     * }
     * }</pre>
     */
    public static final class Entry {
        private final String key;
        private final PartnerId partnerId;
        private final String description;
        private final int line;

        Entry(String key, PartnerId partnerId, String description, int line) {
            this.key = key;
            this.partnerId = partnerId;
            this.description = description;
            this.line = line;
        }

        /** {@return the key, such as {@code backup.marketplace.premium}} */
        public String key() {
            return key;
        }

        /** {@return the offer: the key's first part} */
        public String offer() {
            int dot = key.indexOf('.');
            return dot < 0 ? key : key.substring(0, dot);
        }

        /** {@return the partner id} */
        public PartnerId partnerId() {
            return partnerId;
        }

        /** {@return the comment right above the entry, or an empty string} */
        public String description() {
            return description;
        }

        /** {@return the 1-based line number in the source} */
        public int line() {
            return line;
        }

        @Override
        public String toString() {
            return key + "=" + partnerId;
        }
    }
}
