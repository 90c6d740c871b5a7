package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.testing.MemoryDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database file that migrate creates is brought to the newest version in one transaction: the same schema, rows and
 * journal as one migration at a time, and a failure anywhere leaves no file behind.
 */
class NewDatabaseTest {
    private static final int MIGRATIONS = 500;

    @TempDir
    Path tmp;

    /** {@code count} migrations of an application's history: tables (half with a parent), added columns, rows, indexes. */
    private static Path history(Path dir, int count, int failing) {
        int table = 0;
        for (int v = 1; v <= count; v++) {
            String sql;
            if (v == failing) sql = "INSERT INTO t1 (v) VALUES ('before the failure');\nINSERT INTO no_such_table VALUES (1);\n";
            else if (v % 5 == 1) {
                table++;
                sql = "CREATE TABLE t" + table + " (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT ''"
                        + (table > 1 && table % 2 == 0 ? ", parent INTEGER REFERENCES t" + (table - 1) + " (id) ON DELETE CASCADE" : "") + ");\n";
            } else if (v % 5 == 2) sql = "ALTER TABLE t" + table + " ADD COLUMN c" + v + " INTEGER;\n";
            else if (v % 5 == 3) sql = "CREATE INDEX t" + table + "_v" + v + " ON t" + table + " (v);\n";
            else sql = "INSERT INTO t" + table + " (v) VALUES ('row " + v + "'), ('another " + v + "');\n";
            Project.write(dir.resolve(String.format("%04d_step_%d.sql", v, v)), sql);
        }
        MigrationDirectory.of(dir).writeIntegrityFile();
        return dir;
    }

    private static LiteShift liteshift(Path db, Path migrations) {
        return LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load();
    }

    /** A file that is a database already, with nothing in it: migrated one migration at a time, as any existing database. */
    private static Path existingEmptyDatabase(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("CREATE TABLE gone (x)");
            s.execute("DROP TABLE gone");
        }
        return db;
    }

    @Test
    void fiveHundredMigrationsReachANewFileInOneTransactionWithTheJournalOneByOneWrites() throws Exception {
        Path migrations = history(tmp.resolve("migrations"), MIGRATIONS, 0);
        Path fresh = tmp.resolve("fresh.db");
        Path existing = existingEmptyDatabase(tmp.resolve("existing.db"));

        MigrateResult r = liteshift(fresh, migrations).migrate(); // lint first, as by default: skipped for a new file
        MigrateResult oneByOne = LiteShift.configure().database(existing.toString()).migrations(migrations).lintBeforeMigrate(false)
                .load().migrate();

        assertThat(r.applied()).hasSize(MIGRATIONS);
        assertThat(r.version()).isEqualTo(MIGRATIONS);
        assertThat(oneByOne.applied()).hasSize(MIGRATIONS);
        String journal = "SELECT version, name, checksum, kind, applied_by, typeof(duration_ms), typeof(unixepoch(applied_at, 'subsec')) FROM liteshift_migrations ORDER BY version";
        assertThat(rows(fresh, journal)).hasSize(MIGRATIONS).isEqualTo(rows(existing, journal));
        assertThat(rows(fresh, "SELECT checksum FROM liteshift_migrations WHERE version = 7").get(0).get(0))
                .isEqualTo(Migration.sha256(Files.readString(migrations.resolve("0007_step_7.sql"))));
        try (Connection a = DriverManager.getConnection("jdbc:sqlite:" + fresh); Connection b = DriverManager.getConnection("jdbc:sqlite:" + existing)) {
            assertThat(Differ.diff(Inspector.inspect(a), Inspector.inspect(b))).isEmpty();
        }
        for (int t = 1; t <= MIGRATIONS / 5; t++) {
            assertThat(rows(fresh, "SELECT * FROM t" + t + " ORDER BY id")).isEqualTo(rows(existing, "SELECT * FROM t" + t + " ORDER BY id"));
        }
        assertThat(rows(fresh, "SELECT count(*) FROM t100")).containsExactly(List.of("4"));
        assertThat(rows(fresh, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(rows(fresh, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(sideFiles(fresh)).isEmpty();
        assertThat(liteshift(fresh, migrations).migrate().upToDate()).isTrue();
    }

    @Test
    void aFailingMigration300Of500LeavesNoFileBehind() throws Exception {
        Path migrations = history(tmp.resolve("migrations"), MIGRATIONS, 300);
        Path fresh = tmp.resolve("fresh.db");

        assertThatThrownBy(() -> liteshift(fresh, migrations).migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
            assertThat(e.getMessage()).contains("0300_step_300.sql:2: SQLite rejected this statement: no such table: no_such_table",
                    "The 500 migration(s) ran in one transaction on this new database, and all of them were rolled back",
                    "The new database file " + fresh + " was deleted: it existed only because of this run. Nothing was changed.");
        });
        assertThat(fresh).doesNotExist();
        assertThat(sideFiles(fresh)).isEmpty();

        // the same directory one migration at a time keeps the 299 before the failure: the one transaction is what made it all or nothing
        Path existing = existingEmptyDatabase(tmp.resolve("existing.db"));
        assertThatThrownBy(() -> LiteShift.configure().database(existing.toString()).migrations(migrations).lintBeforeMigrate(false).load().migrate())
                .isInstanceOf(LiteShiftException.class);
        assertThat(rows(existing, "SELECT count(*) FROM liteshift_migrations")).containsExactly(List.of("299"));
    }

    @Test
    void aFileThatWasThereEvenEmptyIsMigratedOneMigrationAtATime() throws Exception {
        Path migrations = history(tmp.resolve("migrations"), 50, 50);
        Path empty = Files.createFile(tmp.resolve("empty.db")); // zero bytes: maybe another process is about to set it up

        // a 0-byte file counts as missing, so it needs createMissing; it still was not created by this run
        assertThatThrownBy(() -> LiteShift.configure().database(empty.toString()).migrations(migrations).lintBeforeMigrate(false)
                .createMissing(true).load().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                .contains("This run applied 0001", "0049 before it; those stay applied.").doesNotContain("one transaction", "deleted"));
        assertThat(rows(empty, "SELECT count(*) FROM liteshift_migrations")).containsExactly(List.of("49"));
    }

    @Test
    void migrationsThatSwitchForeignKeysOnAreAppliedOneByOneEvenOnANewFile() throws Exception {
        Path migrations = tmp.resolve("migrations");
        Project.write(migrations.resolve("0001_parent.sql"), "CREATE TABLE parent (id INTEGER PRIMARY KEY);\nINSERT INTO parent VALUES (1), (2);\n");
        Project.write(migrations.resolve("0002_child.sql"), "PRAGMA foreign_keys = ON;\nCREATE TABLE child (id INTEGER PRIMARY KEY,"
                + " parent INTEGER REFERENCES parent (id) ON DELETE CASCADE);\nINSERT INTO child VALUES (10, 1), (20, 2);\n"
                + "DELETE FROM parent WHERE id = 1;\n");
        Project.write(migrations.resolve("0003_broken.sql"), "INSERT INTO nowhere VALUES (1);\n");
        MigrationDirectory.of(migrations).writeIntegrityFile();
        Path fresh = tmp.resolve("fresh.db");

        // (lint would refuse 0003 before anything runs; here the engine itself is under test)
        assertThatThrownBy(() -> LiteShift.configure().database(fresh.toString()).migrations(migrations).createMissing(true)
                .lintBeforeMigrate(false).load().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e ->
                assertThat(e.getMessage()).contains("This run applied 0001, 0002 before it; those stay applied.").doesNotContain("deleted"));
        // 0002 ran with enforcement, so its DELETE cascaded, as it would have on any database
        assertThat(rows(fresh, "SELECT id FROM child")).containsExactly(List.of("20"));
        assertThat(rows(fresh, "SELECT count(*) FROM liteshift_migrations")).containsExactly(List.of("2"));
    }

    @Test
    void aFailureInTheFirstMigrationOfANewFileOneByOneAlsoLeavesNoFile() throws Exception {
        Path migrations = tmp.resolve("migrations");
        Project.write(migrations.resolve("0001_on.sql"), "PRAGMA foreign_keys = ON;\nCREATE TABLE a (id INTEGER PRIMARY KEY);\nINSERT INTO b VALUES (1);\n");
        Project.write(migrations.resolve("0002_off.sql"), "CREATE TABLE c (id INTEGER PRIMARY KEY);\n");
        MigrationDirectory.of(migrations).writeIntegrityFile();
        Path fresh = tmp.resolve("fresh.db");

        assertThatThrownBy(() -> liteshift(fresh, migrations).migrate()).isInstanceOfSatisfying(LiteShiftException.class, e ->
                assertThat(e.getMessage()).contains("0001_on.sql:3", "was deleted: it existed only because of this run"));
        assertThat(fresh).doesNotExist();
        assertThat(sideFiles(fresh)).isEmpty();
    }

    private List<Path> sideFiles(Path db) throws Exception {
        try (var files = Files.list(db.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(db.getFileName() + "-")).toList();
        }
    }

    private static List<List<String>> rows(Path db, String sql) throws Exception {
        try (MemoryDb file = MemoryDb.onFile(db)) {
            return file.rows(sql);
        }
    }
}
