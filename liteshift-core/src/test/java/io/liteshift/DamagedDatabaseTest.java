package io.liteshift;

import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.Backups;
import io.liteshift.doctor.Diagnosis;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.migrate.Problem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The damage policy on real damaged files: every command names the damage in one paragraph with the exact restore
 * command for the newest intact backup, exits with DAMAGED, and nothing writes to, copies or changes the file.
 */
class DamagedDatabaseTest {
    private static final int ROWS = 3000;
    private static final Pattern RESTORE = Pattern.compile("`liteshift restore (\\S+) --db (\\S+) --yes( --force)?`");

    @TempDir
    Path tmp;
    Path db;
    Path migrations;
    Path backups;
    BackupInfo intact;

    /** 0001 applied with rows, a verified backup of it, and 0002 pending. */
    @BeforeEach
    void migratedAndBackedUp() throws Exception {
        db = tmp.resolve("app.db");
        migrations = Files.createDirectories(tmp.resolve("migrations"));
        backups = tmp.resolve("backups");
        Files.writeString(migrations.resolve("0001_users.sql"), """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);
                CREATE INDEX users_email ON users (email);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
                INSERT INTO users (email, name) SELECT 'u' || i || '@example.org', hex(randomblob(24)) FROM n;
                """.formatted(ROWS));
        liteShift().hash();
        liteShift().migrate();
        intact = liteShift().backup(backups, 0);
        Files.writeString(migrations.resolve("0002_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        liteShift().hash();
    }

    private LiteShift liteShift() {
        return LiteShift.configure().database(db.toString()).migrations(migrations).backups(backups).createMissing(true).load();
    }

    @ParameterizedTest
    @EnumSource(DamagedFile.class)
    void migrateRefusesAndChangesNothing(DamagedFile damage) throws Exception {
        byte[] before = damaged(damage);

        assertThat(refusedAsDamaged(liteShift()::migrate, damage)).endsWith("Nothing was changed.");
        assertUnchanged(before);
    }

    @ParameterizedTest
    @EnumSource(DamagedFile.class)
    void backupRefusesInAFewLinesAndLeavesNoFileBehind(DamagedFile damage) throws Exception {
        byte[] before = damaged(damage);
        List<Path> backupsBefore = files(backups);

        String m = refusedAsDamaged(() -> liteShift().backup(backups, 0), damage);
        assertThat(m.lines()).as("one paragraph, not the check's hundred lines").hasSize(1);
        assertThat(m.length()).isLessThan(1200);
        assertThat(files(backups)).isEqualTo(backupsBefore);
        assertUnchanged(before);
    }

    @ParameterizedTest
    @EnumSource(DamagedFile.class)
    void verifyNamesTheDamageFirst(DamagedFile damage) throws Exception {
        byte[] before = damaged(damage);
        String paragraph;
        try {
            List<Problem> problems = liteShift().verify();
            assertThat(problems.get(0).kind()).as(problems.toString()).isEqualTo(Problem.Kind.DAMAGED);
            paragraph = problems.get(0).message(Fix.FrontEnd.COMMAND_LINE);
            assertThat(paragraph).contains("PRAGMA integrity_check reports");
        } catch (LiteShiftException e) { // SQLite could not even read the schema or the journal
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.DAMAGED);
            assertThat(damage).isIn(DamagedFile.TRUNCATED, DamagedFile.NOT_A_DATABASE, DamagedFile.JOURNAL_PAGE);
            paragraph = e.message(Fix.FrontEnd.COMMAND_LINE);
        }
        assertDamageParagraph(paragraph, damage);
        assertUnchanged(before);
    }

    /** status reads the schema and the journal only: it never says "up to date" about a file it could not read. */
    @ParameterizedTest
    @EnumSource(value = DamagedFile.class, names = {"JOURNAL_PAGE", "TRUNCATED", "NOT_A_DATABASE"})
    void statusRefusesAFileItCannotRead(DamagedFile damage) throws Exception {
        byte[] before = damaged(damage);
        refusedAsDamaged(liteShift()::status, damage);
        assertUnchanged(before);
    }

    @ParameterizedTest
    @EnumSource(DamagedFile.class)
    void doctorsFindingHasTheRestoreCommand(DamagedFile damage) throws Exception {
        byte[] before = damaged(damage);
        DoctorReport r = liteShift().doctor();
        if (damage == DamagedFile.NOT_A_DATABASE) { // told by its first bytes, before SQLite opens it
            Diagnosis f = r.find("NOT_A_DATABASE").orElseThrow(() -> new AssertionError(r));
            assertThat(f.found()).contains("does not start with SQLite's header", "-- a dump");
            assertThat(f.fix()).contains("`liteshift restore " + intact.file() + " --db " + db + " --yes --force`");
        } else {
            Diagnosis f = r.find("DAMAGED").orElseThrow(() -> new AssertionError(r));
            assertThat(f.severity()).isEqualTo(Diagnosis.Severity.ERROR);
            assertDamageParagraph(f.found() + " " + f.cause() + " " + f.fix(), damage);
        }
        assertUnchanged(before);
    }

    /** The command the paragraph names is the one that brings the file back: restored, sound, every row there. */
    @ParameterizedTest
    @EnumSource(DamagedFile.class)
    void theNamedRestoreCommandBringsTheFileBack(DamagedFile damage) throws Exception {
        damage.applyTo(db);
        LiteShiftException e = (LiteShiftException) catchThrowable(liteShift()::migrate);
        Matcher m = RESTORE.matcher(e.message(Fix.FrontEnd.COMMAND_LINE));
        assertThat(m.find()).as(e.getMessage()).isTrue();

        Backups.restore(Path.of(m.group(1)), Path.of(m.group(2)), m.group(3) != null);

        assertThat(text("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(text("SELECT count(*) FROM users")).isEqualTo(String.valueOf(ROWS));
        assertThat(liteShift().migrate().applied()).hasSize(1); // and the pending migration goes on
        assertThat(liteShift().verify()).isEmpty();
    }

    @Test
    void withoutAnIntactBackupTheFixIsSqlitesRecover() throws Exception {
        Files.writeString(intact.file(), "gone bad on the same disk"); // its SHA-256 no longer matches the manifest
        DamagedFile.TABLE_PAGE.applyTo(db);
        assertThatThrownBy(liteShift()::migrate).isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                .contains("There is no intact backup of it in " + backups)
                .contains("`sqlite3 " + db + " .recover | sqlite3 " + db + ".recovered`")
                .doesNotContain("Backups.restore"));
    }

    /**
     * Damage the quick check cannot see (an index that holds another column's values) found by SQLite halfway
     * through a migration: a failure that says so, not "fix the migration", and the migration rolled back.
     */
    @Test
    void damageSqliteReportsDuringAMigrationFailsItAndNamesTheDamage() throws Exception {
        Files.writeString(migrations.resolve("0002_notes.sql"), "UPDATE users SET name = 'renamed' WHERE id = 2;\n");
        liteShift().hash();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA writable_schema = ON");
            s.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX users_email ON users (name)' WHERE name = 'users_email'");
        }
        assertThat(text("PRAGMA quick_check")).isEqualTo("ok");
        byte[] before = Files.readAllBytes(db);

        assertThatThrownBy(liteShift()::migrate).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.DAMAGED);
            assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).contains("0002_notes.sql:1: SQLite rejected this statement: database disk image is malformed",
                    "Migration 0002 was rolled back entirely", db + " is damaged: SQLite reports \"database disk image is malformed\"",
                    "`liteshift restore " + intact.file() + " --db " + db + " --yes`").doesNotContain("Fix the migration");
        });
        assertUnchanged(before);
    }

    /** Damages the database {@code damage}'s way; returns its bytes then, which nothing may change. */
    private byte[] damaged(DamagedFile damage) throws Exception {
        damage.applyTo(db);
        return Files.readAllBytes(db);
    }

    /** Runs {@code work}, which must refuse as DAMAGED with the paragraph; returns the message as the command line prints it. */
    private String refusedAsDamaged(ThrowingCallable work, DamagedFile damage) {
        Throwable t = catchThrowable(work);
        assertThat(t).isInstanceOf(LiteShiftException.class);
        LiteShiftException e = (LiteShiftException) t;
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(LiteShiftException.Reason.DAMAGED);
        String message = e.message(Fix.FrontEnd.COMMAND_LINE);
        assertDamageParagraph(message, damage);
        return message;
    }

    private void assertDamageParagraph(String message, DamagedFile damage) {
        assertThat(message).contains(db + " is damaged: ")
                .contains("`liteshift restore " + intact.file() + " --db " + db + " --yes" + (damage.opens() ? "`" : " --force`"))
                .contains("taken ").contains("at schema version 0001");
    }

    /** The file byte for byte, and no side file (journal, WAL) made next to it. */
    private void assertUnchanged(byte[] before) throws Exception {
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        for (String side : List.of("-journal", "-wal", "-shm")) assertThat(tmp.resolve(db.getFileName() + side)).doesNotExist();
        assertThat(files(tmp)).allMatch(p -> !p.getFileName().toString().startsWith("."));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
