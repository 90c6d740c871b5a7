package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A zero-byte file is not an existing database: every command that opens one treats it as missing, and backup refuses it. */
class ZeroByteDatabaseCommandsTest {
    @TempDir
    Path dir;
    Path db;
    Path schema;
    Path migrations;

    /** A project with one generated migration, and a zero-byte file where its database should be. */
    @BeforeEach
    void aProjectWhoseDatabaseIsAnEmptyFile() throws Exception {
        schema = TestDb.writeSchema(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        migrations = dir.resolve("migrations");
        Cli.Result generated = Cli.run("generate", "--dir", migrations.toString(), "--schema", schema.toString(), "--name", "init");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        db = Files.createFile(dir.resolve("app.db"));
    }

    private void refused(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(db.toAbsolutePath() + " is an empty file (0 bytes)");
        CliAssertions.assertNoStackTrace(r);
        assertThat(db.toFile().length()).isZero();
    }

    @Test
    void pushMigrateStatusAndVerifyNeedCreateOrRefuse() {
        refused("push", "--db", db.toString(), "--schema", schema.toString());
        refused("migrate", "--db", db.toString(), "--dir", migrations.toString());
        refused("status", "--db", db.toString(), "--dir", migrations.toString());
        refused("verify", "--db", db.toString(), "--dir", migrations.toString());
        assertThat(dir.resolve("app.db-journal")).doesNotExist();

        Cli.Result created = Cli.run("migrate", "--db", db.toString(), "--dir", migrations.toString(), "--create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(TestDb.column(db, "SELECT name FROM sqlite_schema WHERE name = 'notes'")).containsExactly("notes");
        assertThat(TestDb.sound(db)).isTrue();
    }

    @Test
    void backupRefusesInsteadOfWritingAVerifiedEmptyBackup() {
        Path backups = dir.resolve("backups");
        Cli.Result r = Cli.run("backup", "--db", db.toString(), "--to", backups.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is an empty file (0 bytes), not a database: there is nothing to back up", "Nothing was written.");
        assertThat(backups).doesNotExist();
    }
}
