package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refusal of migrate changes nothing: the database file is byte-identical afterwards. */
class RefusalTest {
    @TempDir
    Path tmp;
    Project p;

    @BeforeEach
    void twoAppliedMigrations() {
        p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);", "a");
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY);", "b");
        p.liteshift().migrate();
        p.sql("INSERT INTO a VALUES (1), (2);");
    }

    private void refused(LiteShift ls, LiteShiftException.Reason reason, String... messages) {
        byte[] before = p.dbBytes();
        assertThatThrownBy(ls::migrate).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(messages).contains("Nothing was changed");
        });
        assertThat(p.dbBytes()).isEqualTo(before);
    }

    @Test
    void editedAppliedMigration() throws Exception {
        Path f = p.migrations.resolve("0001_a.sql");
        Files.writeString(f, Files.readString(f).replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0001_a.sql was changed after liteshift.sum was written");
        p.liteshift().hash(); // the edit is reviewed for the directory, but the database ran the old text
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0001_a.sql was applied on", "has been edited since", "LiteShift#repair()");
    }

    @Test
    void removedMigration() throws Exception {
        Files.delete(p.migrations.resolve("0001_a.sql"));
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0001_a.sql is listed in liteshift.sum but missing");
        p.liteshift().hash();
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "migration 0001 (a) was applied", "Restore it from version control");
    }

    @Test
    void migrationAddedByHandWithoutHash() {
        p.migration("0003_by_hand.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0003_by_hand.sql is not in liteshift.sum");
    }

    @Test
    void twoBranchesBothAddedTheSameVersion() {
        p.migration("0003_ours.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        p.migration("0003_theirs.sql", "CREATE TABLE d (id INTEGER PRIMARY KEY);");
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0003_ours.sql and 0003_theirs.sql share version 0003");
    }

    @Test
    void integrityFileWithMergeConflict() throws Exception {
        Path sum = p.migrations.resolve("liteshift.sum");
        Files.writeString(sum, "<<<<<<< HEAD\n" + Files.readString(sum) + "=======\n>>>>>>> branch\n");
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "merge conflict markers");
    }

    @Test
    void pendingMigrationOlderThanTheNewestApplied() throws Exception {
        // a branch's 0003 was deployed first; then main's 0002_late arrives, numbered before it
        p.migration("0004_newer.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        p.liteshift().hash();
        p.liteshift().migrate();
        p.migration("0003_late.sql", "CREATE TABLE d (id INTEGER PRIMARY KEY);");
        p.liteshift().hash();
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "0003_late.sql is pending, but the newer 0004 is applied",
                "outOfOrder(true)");
        MigrateResult r = LiteShift.configure().database(p.db.toString()).migrations(p.migrations).outOfOrder(true).load().migrate();
        assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(3);
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name = 'd'")).isOne();
    }

    @Test
    void misnamedSqlFile() {
        p.migration("3-add-c.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        refused(p.liteshift(), LiteShiftException.Reason.REFUSED_HISTORY, "3-add-c.sql is not named like a migration");
    }

    @Test
    void missingDatabaseIsNotCreated() {
        LiteShift ls = LiteShift.configure().database(tmp.resolve("typo.db").toString()).migrations(p.migrations).load();
        assertThatThrownBy(ls::migrate).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains(tmp.resolve("typo.db").toString(), "does not exist", "createMissing(true)");
        });
        assertThat(tmp.resolve("typo.db")).doesNotExist();
    }

    @Test
    void migrateLintsPendingMigrationsFirstAndRefusesAnErrorBeforeWritingAnything() {
        p.migration("0003_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);\n");
        p.sumOnly();
        LiteShift.configure().database(p.db.toString()).migrations(p.migrations).load().migrate();
        p.sql("INSERT INTO tags (label) VALUES ('x'), ('y'), ('x');");
        p.migration("0004_unique.sql", "CREATE UNIQUE INDEX tags_label ON tags (label);\n");
        p.sumOnly();
        LiteShift linting = LiteShift.configure().database(p.db.toString()).migrations(p.migrations)
                .backupBeforeMigrate(tmp.resolve("backups"), 0).load();
        refused(linting, LiteShiftException.Reason.REFUSED_DATA, "lint found", "0004_unique.sql");
        assertThat(tmp.resolve("backups")).as("lint refuses before the backup: a refusal leaves nothing behind").doesNotExist();
        assertThatThrownBy(() -> LiteShift.configure().database(p.db.toString()).migrations(p.migrations).lintBeforeMigrate(false).load().migrate())
                .as("without lint the statement itself fails, and rolls back").hasMessageContaining("UNIQUE constraint failed");
    }

    @Test
    void aMistypedMigrationsDirectoryIsAnErrorNotNothingToDo() {
        LiteShift ls = LiteShift.configure().database(p.db.toString()).migrations(tmp.resolve("migratoins")).load();
        refused(ls, LiteShiftException.Reason.INVALID_INPUT, "the migrations directory", "migratoins", "does not exist");
    }

    @Test
    void failingStatementRollsBackThatMigrationAndStopsThere() throws Exception {
        p.migration("0003_ok.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);\nINSERT INTO c VALUES (1);");
        p.migration("0004_bad.sql", "CREATE TABLE d (id INTEGER PRIMARY KEY);\n\nINSERT INTO nowhere VALUES (1);");
        p.migration("0005_never.sql", "CREATE TABLE e (id INTEGER PRIMARY KEY);");
        assertThatThrownBy(() -> p.liteshift().hash()).hasMessageContaining("liteshift.sum was written", "0004_bad.sql:3");
        assertThatThrownBy(() -> p.liteshift().migrate()).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
            assertThat(e.getMessage()).contains("0004_bad.sql:3", "no such table: nowhere", "INSERT INTO nowhere VALUES (1)",
                    "Migration 0004 was rolled back entirely", "This run applied 0003", "Not attempted: 0005");
        });
        assertThat(p.rows("SELECT version FROM liteshift_migrations ORDER BY version")).extracting(r -> r.get(0)).containsExactly(1, 2, 3);
        assertThat(p.count("SELECT count(*) FROM sqlite_schema WHERE name IN ('d', 'e')")).isZero();
        assertThat(p.count("SELECT count(*) FROM c")).isOne();
    }

    @Test
    void aStatementThatCannotRunInATransactionIsRefusedBeforeAnythingRuns() throws Exception {
        p.migration("0003_ok.sql", "CREATE TABLE c (id INTEGER PRIMARY KEY);");
        p.migration("0004_vacuum.sql", "DELETE FROM a WHERE id = 1;\nVACUUM;");
        assertThatThrownBy(() -> p.liteshift().hash()).hasMessageContaining("0004_vacuum.sql:2");
        byte[] before = p.dbBytes();
        assertThatThrownBy(() -> p.liteshift().migrate()).hasMessageContaining("0004_vacuum.sql:2: VACUUM cannot run inside a transaction");
        assertThat(p.dbBytes()).isEqualTo(before);
    }
}
