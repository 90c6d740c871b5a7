package io.liteshift.examples.flyapp;

import io.liteshift.LiteShift;
import io.liteshift.migrate.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Migrating on boot: the runbook's "back up, migrate, then serve", through liteshift's Java API. */
final class Boot {
    private static final Logger LOG = LoggerFactory.getLogger(Boot.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private Boot() {
    }

    /** Applies the pending migrations (a verified backup first, when there are any), or throws changing nothing. */
    static MigrateResult migrate(Settings settings) {
        MigrateResult result = LiteShift.configure()
                .database(settings.databaseUrl())
                .migrations(settings.migrations())
                .classLoader(Boot.class.getClassLoader())
                .createMissing(mayCreate(settings))
                .backupBeforeMigrate(settings.backups(), settings.keepBackups())
                .load()
                .migrate();
        // liteshift itself logs the backup and each applied migration
        result.drift().forEach(p -> LOG.warn("schema drift: {}", p.message()));
        result.notes().forEach(LOG::info);
        LOG.info("{} is at schema version {}{}", settings.databaseFile(), result.version(),
                result.upToDate() ? " (nothing to migrate)" : "");
        useWal(settings.databaseFile());
        return result;
    }

    /**
     * WAL lets readers go on while a request writes, and Litestream needs it. Set here, by the process that may
     * write (under LiteFS, the primary), because changing the journal mode is a write: once set, it stays in the
     * file and reaches replicas with it.
     */
    static void useWal(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot switch " + db + " to WAL mode: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a missing database file may be created. {@code auto}: only on a fresh volume, i.e. when the directory
     * holds no other SQLite database. A volume that holds one but not this one means DATABASE_URL names the wrong
     * file, and creating an empty database there is how "no such table" reaches production.
     */
    static boolean mayCreate(Settings settings) {
        if (!settings.create().equals("auto")) return Boolean.parseBoolean(settings.create());
        Path db = settings.databaseFile();
        if (Files.exists(db) || !Files.isDirectory(db.getParent())) return false; // nothing to create, or liteshift explains
        List<Path> others = databasesIn(db.getParent());
        if (others.isEmpty()) return true;
        throw new IllegalStateException("the database " + db + " does not exist, but " + db.getParent() + " holds "
                + others.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + ". Is DATABASE_URL pointing at the wrong file? Fix DATABASE_URL, or set CREATE_DATABASE=true to"
                + " start a new, empty database there.");
    }

    private static List<Path> databasesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(Boot::isSqlite).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false; // unreadable: not ours to judge
        }
    }
}
