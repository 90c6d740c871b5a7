package io.liteshift.sqlite;

import org.sqlite.SQLiteErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What LiteFS tells an application through its mount directory (its documented contract): on a replica that is
 * connected to the primary, a file {@code .primary} beside the database holds the primary's hostname; on the primary
 * (or a node that cannot reach one) it is absent. Every database there also has a {@code <db>-pos} position file.
 * Writes on a replica fail with SQLITE_READONLY (rollback journal) or "disk I/O error" (WAL).
 */
public final class LiteFs {
    static final String PRIMARY_FILE = ".primary";
    static final String POSITION_SUFFIX = "-pos";

    private LiteFs() {
    }

    /** The primary's hostname when this node is a LiteFS replica for {@code db}; empty on the primary or without LiteFS. */
    public static Optional<String> primary(Path db) {
        Path marker = marker(db);
        if (!Files.isRegularFile(marker)) return Optional.empty();
        try {
            String host = Files.readString(marker, StandardCharsets.UTF_8).strip();
            return Optional.of(host.isEmpty() ? "(unnamed in " + marker + ")" : host);
        } catch (IOException e) {
            return Optional.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    /** The {@code .primary} file LiteFS keeps in the database's directory. */
    public static Path marker(Path db) {
        return db.toAbsolutePath().resolveSibling(PRIMARY_FILE);
    }

    /**
     * Why {@code db} looks like a file in a LiteFS mount ({@code .primary} beside it, its {@code -pos} file, or a
     * file system of type litefs); empty when nothing says so.
     */
    public static Optional<String> mountEvidence(Path db) {
        Optional<String> primary = primary(db);
        if (primary.isPresent()) return Optional.of(marker(db) + " names the primary " + primary.get());
        Path pos = db.toAbsolutePath().resolveSibling(db.getFileName() + POSITION_SUFFIX);
        if (Files.isRegularFile(pos)) return Optional.of(pos + " (LiteFS's replication position) is beside it");
        try {
            var store = Files.getFileStore(Files.exists(db) ? db : db.toAbsolutePath().getParent());
            if (store.type().toLowerCase(Locale.ROOT).contains("litefs") || store.name().toLowerCase(Locale.ROOT).contains("litefs")) {
                return Optional.of("it is on a " + store.type() + " file system (" + store.name() + ")");
            }
        } catch (IOException | RuntimeException e) {
            // no evidence either way
        }
        return Optional.empty();
    }

    /** SQLITE_READONLY or SQLITE_IOERR (any extended code) anywhere in the chain: what a write on a replica gets. */
    public static boolean isRefusedWrite(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                int primary = Databases.code(e) & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_IOERR.code) return true;
            }
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (m.contains("attempt to write a readonly database") || m.contains("disk I/O error")) return true;
        }
        return false;
    }

    /**
     * The explanation to add when a write to {@code db} failed as on a LiteFS replica; empty when the failure is
     * something else or nothing says LiteFS.
     */
    public static Optional<String> explainRefusedWrite(Path db, Throwable failure) {
        if (!isRefusedWrite(failure)) return Optional.empty();
        return mountEvidence(db).map(why -> {
            String primary = primary(db).map(h -> " (" + h + ")").orElse(" (the node that holds the LiteFS lease)");
            return db + " looks like a LiteFS database: " + why + ". On a LiteFS replica every write fails, with SQLITE_READONLY"
                    + " (rollback journal) or \"disk I/O error\" (WAL). Migrate on the primary" + primary + ": in litefs.yml, run"
                    + " the migration as an exec step with `if-candidate: true`; `liteshift migrate` on a replica (where .primary"
                    + " exists) waits for the replicated schema instead of writing. If this node should be the primary, check that"
                    + " it holds the lease (the LiteFS log says \"primary lease acquired\").";
        });
    }
}
