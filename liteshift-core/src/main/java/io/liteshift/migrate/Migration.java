package io.liteshift.migrate;

import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.SchemaVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered migration file, {@code NNNN_slug.sql}.
 *
 * @param version  the number its name starts with
 * @param fileName e.g. {@code 0003_add_orders.sql}
 * @param sql      the text, with line endings normalised
 * @param checksum SHA-256 of {@link #sql}, hex; what the journal records
 */
public record Migration(int version, String fileName, String sql, String checksum) {

    static final Pattern NAME = Pattern.compile("(\\d+)_([A-Za-z0-9][A-Za-z0-9_.-]*)\\.sql");

    /** Reads {@code fileName} and its raw text; empty when the name is not {@code NNNN_slug.sql}. */
    static Optional<Migration> of(String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches() || m.group(1).length() > 9) return Optional.empty();
        String sql = normalise(text);
        return Optional.of(new Migration(Integer.parseInt(m.group(1)), fileName, sql, sha256(sql)));
    }

    /** The slug: {@code add_orders} for {@code 0003_add_orders.sql}. */
    public String name() {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? m.group(2) : fileName;
    }

    /** {@code 0003} — the version as it is written in file names and messages. */
    public String label() {
        return SchemaVersion.label(version);
    }

    /**
     * The same migration whatever the checkout did to it: a Windows checkout's CRLF or an editor's byte order mark
     * must not make an applied migration look edited.
     */
    static String normalise(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.replace("\r\n", "\n");
    }

    /** One digest per thread: looking the algorithm up for each of a directory's files costs more than hashing them. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    static String sha256(String text) {
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A slug made from free text: lower case, words joined by underscores, at most 48 characters. */
    static String slug(String text) {
        String s = Identifiers.fold(text).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.length() > 48) s = s.substring(0, 48).replaceAll("_+$", "");
        return s.isEmpty() ? "migration" : s;
    }
}
