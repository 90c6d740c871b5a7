package io.liteshift.rehearse;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.MigrationDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Rehearsals on real files: the copy is migrated and measured, the original is never written. */
class RehearsalTest {
    private static final Rehearsal.Options DEFAULTS = new Rehearsal.Options(false, false, Configuration.DEFAULT_LOCK_TIMEOUT);

    @TempDir
    Path tmp;
    Path migrations;
    Path db;

    @BeforeEach
    void migratedDatabaseWithRows() throws Exception {
        migrations = Files.createDirectory(tmp.resolve("migrations"));
        db = tmp.resolve("app.db");
        write("0001_init.sql", """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
                CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
                CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN INSERT INTO audit (what) VALUES (new.email); END;
                """);
        liteshift().hash();
        liteshift().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 2000)"
                    + " INSERT INTO users (email) SELECT 'User' || value || '@X' FROM n");
        }
        Files.setLastModifiedTime(db, FileTime.fromMillis(1_000_000_000_000L)); // any change to the file would move it
    }

    @Test
    void pendingMigrationsAreMeasuredOnTheCopyAndVerifiedWhileTheOriginalStaysByteIdentical() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        write("0003_tags.sql", """
                CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, padding TEXT);
                WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 500)
                INSERT INTO tags (name, padding) SELECT 'tag' || value, zeroblob(1000) FROM n;
                """);
        liteshift().hash();
        byte[] before = Files.readAllBytes(db);

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

        assertThat(r.ok()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.problems()).isEmpty();
        assertThat(r.copy()).isNull();
        assertThat(r.steps()).extracting(RehearsalReport.Step::label).containsExactly("0002", "0003");
        // 2000 updates, and the trigger's 2000 audit rows; then 500 inserts
        assertThat(r.steps()).extracting(RehearsalReport.Step::rowsChanged).containsExactly(4000L, 500L);
        RehearsalReport.Step tags = r.steps().get(1);
        assertThat(tags.sizeAfter()).isGreaterThan(tags.sizeBefore() + 500_000);
        assertThat(r.sizeBefore()).isEqualTo(Files.size(db));
        assertThat(r.sizeAfter()).isEqualTo(tags.sizeAfter());
        assertUntouched(before);
        assertThat(count("SELECT count(*) FROM liteshift_migrations")).isEqualTo(1); // still at 0001
    }

    @Test
    void aFailingMigrationIsReportedWithItsMessageAndTheOriginalStaysByteIdentical() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        write("0003_unique.sql", "INSERT INTO users (id, email) VALUES (5, 'again');\n");
        liteshift().hash(); // 0003 replays fine on an empty database: only the real rows show the problem
        byte[] before = Files.readAllBytes(db);

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

        assertThat(r.ok()).isFalse();
        assertThat(r.steps()).extracting(RehearsalReport.Step::label).containsExactly("0002");
        assertThat(r.failure().migration()).isEqualTo("0003_unique.sql");
        assertThat(r.failure().reason()).isEqualTo(LiteShiftException.Reason.FAILED);
        assertThat(r.failure().message()).contains("0003_unique.sql:1", "UNIQUE constraint failed: users.id", "Fix the migration");
        assertThat(r.problems()).isEmpty(); // verify does not run after a failure
        assertUntouched(before);
    }

    @Test
    void whatVerifyFindsOnTheCopyIsReported() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        liteshift().hash();
        // a snapshot that says more than the migration does: the copy's schema drifts from it, and verify names that
        Path snapshot = migrations.resolve("meta/0002.schema.sql");
        Files.writeString(snapshot, Files.readString(snapshot) + "CREATE TABLE promised (id INTEGER PRIMARY KEY);\n");
        byte[] before = Files.readAllBytes(db);

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

        assertThat(r.failure()).isNull();
        assertThat(r.steps()).hasSize(1);
        assertThat(r.problems()).isNotEmpty().anySatisfy(p -> assertThat(p.message()).contains("promised"));
        assertUntouched(before);
    }

    @Test
    void aWalDatabaseInUseByTheApplicationIsCopiedWithItsCommittedRows() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        liteshift().hash();
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0"); // the new rows stay in the -wal file: the copy must still have them
            s.execute("INSERT INTO users (email) VALUES ('Late@X')");
            byte[] before = Files.readAllBytes(db);
            FileTime mtime = Files.getLastModifiedTime(db);

            RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

            assertThat(r.ok()).as(String.valueOf(r.failure())).isTrue();
            assertThat(r.steps()).extracting(RehearsalReport.Step::rowsChanged).containsExactly(4002L); // 2001 updates + 2001 audit rows
            assertThat(Files.readAllBytes(db)).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(db)).isEqualTo(mtime);
        }
    }

    @Test
    void aWalDatabaseNobodyHasOpenIsCopiedToo() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        liteshift().hash();
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        Files.setLastModifiedTime(db, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(db);

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

        assertThat(r.ok()).as(String.valueOf(r.failure())).isTrue();
        assertThat(r.steps()).hasSize(1);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
        // a read-only connection cannot remove the -wal and -shm files it needed: they stay, the -wal empty
        assertThat(Files.size(tmp.resolve("app.db-wal"))).isZero();
    }

    @Test
    void aHistoryThatCannotBeTrustedIsRefusedBeforeAnyMigration() throws Exception {
        write("0001_init.sql", Files.readString(migrations.resolve("0001_init.sql")) + "CREATE TABLE later (id INTEGER);\n");
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        byte[] before = Files.readAllBytes(db);

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), DEFAULTS);

        assertThat(r.steps()).isEmpty();
        assertThat(r.failure().migration()).isNull();
        assertThat(r.failure().reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
        assertThat(r.failure().message()).contains("0001_init.sql");
        assertUntouched(before);
    }

    @Test
    void keptCopyIsMigratedAndNamed() throws Exception {
        write("0002_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        liteshift().hash();

        RehearsalReport r = Rehearsal.run(db, MigrationDirectory.of(migrations), new Rehearsal.Options(true, false, Duration.ofSeconds(5)));
        try {
            assertThat(r.copy()).exists().isNotEqualTo(db);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + r.copy()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM liteshift_migrations")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        } finally {
            Files.deleteIfExists(r.copy());
            Files.deleteIfExists(r.copy().getParent());
        }
    }

    private void assertUntouched(byte[] before) throws IOException {
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
        assertThat(tmp.resolve("app.db-journal")).doesNotExist();
        assertThat(tmp.resolve("app.db-wal")).doesNotExist();
    }

    private LiteShift liteshift() {
        return LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load();
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
