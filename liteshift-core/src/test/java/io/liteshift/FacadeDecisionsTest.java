package io.liteshift;

import io.liteshift.backup.BackupInfo;
import io.liteshift.lint.LintReport;
import io.liteshift.seed.SeedResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The refusals that the command line alone used to make, made by the facade for every front end: seeding a database
 * with migrations pending, a seeds or migrations directory that is not there, a negative number of backups to keep.
 * Each leaves the files exactly as they were and says the fix in the reader's words.
 */
class FacadeDecisionsTest {
    @TempDir
    Path tmp;
    Path migrations;
    Path db;

    /** {@code app.db} at 0001 (two users); 0002 is written but not applied. */
    @BeforeEach
    void aDatabaseOneMigrationBehind() throws Exception {
        migrations = tmp.resolve("migrations");
        db = tmp.resolve("app.db");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("0001_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                + "INSERT INTO users (name) VALUES ('ada'), ('grace');\n");
        LiteShift.configure().migrations(migrations).load().hash();
        assertThat(LiteShift.configure().database(db.toString()).createMissing(true).migrations(migrations).load().migrate().applied()).hasSize(1);
        Files.writeString(migrations.resolve("0002_notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        LiteShift.configure().migrations(migrations).load().hash();
    }

    @Test
    void seedRefusesWhileMigrationsArePending() throws Exception {
        Path seeds = Files.createDirectory(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("01_users.sql"), "INSERT INTO users (name) VALUES ('linus');\n");
        DirectoryState before = DirectoryState.of(tmp);

        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).load();
        assertThatThrownBy(() -> app.seed(seeds, List.of()))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.NOT_MIGRATED);
                    assertThat(e.getMessage()).contains(db.toString(), "1 pending migration(s) (first: 0002_notes.sql)",
                            "Run `LiteShift#migrate()` first. Nothing was seeded.");
                    assertThat(e.message(Fix.FrontEnd.MAVEN)).contains("Run `mvn liteshift:migrate` first.");
                    assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).contains("Run `liteshift migrate` first.");
                });
        assertThat(DirectoryState.of(tmp)).as("nothing written, no journal, no seeds table").isEqualTo(before);

        app.migrate();
        SeedResult seeded = app.seed(seeds, List.of());
        assertThat(seeded.applied()).hasSize(1);
        assertThat(names()).containsExactly("ada", "grace", "linus");
    }

    @Test
    void aSeedsDirectoryThatIsNotThereIsRefused() throws Exception {
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).load();
        app.migrate();
        DirectoryState before = DirectoryState.of(tmp);
        Path typo = tmp.resolve("sedes");

        assertThatThrownBy(() -> app.seed(typo, List.of()))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("the seeds directory " + typo + " does not exist. Check seed(dir, seeders) or"
                            + " seedAfterMigrate(dir, ...). Nothing was seeded.");
                    assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).contains("Check --seeds.");
                });
        // on boot, before anything is applied: the migration pending stays pending
        Path next = migrations.resolve("0003_tags.sql");
        writeAndHash(next, "CREATE TABLE tags (name TEXT PRIMARY KEY);\n");
        DirectoryState withThird = DirectoryState.of(tmp);
        LiteShift boot = LiteShift.configure().database(db.toString()).migrations(migrations).seedAfterMigrate(typo).load();
        assertThatThrownBy(boot::migrate).isInstanceOf(LiteShiftException.class).hasMessageContaining("the seeds directory " + typo);
        assertThat(DirectoryState.of(tmp)).isEqualTo(withThird);
    }

    @Test
    void rehearseAndLintRefuseAMigrationsDirectoryThatIsNotThere() {
        DirectoryState before = DirectoryState.of(tmp);
        Path typo = tmp.resolve("migratoins");
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(typo).load();

        for (Runnable command : List.<Runnable>of(() -> app.rehearse(false), () -> app.lint(0))) {
            assertThatThrownBy(command::run).isInstanceOfSatisfying(LiteShiftException.class, e -> {
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
                assertThat(e.getMessage()).startsWith("the migrations directory " + typo + " does not exist. Check migrations(...);");
                assertThat(e.message(Fix.FrontEnd.MAVEN)).contains("Check <migrations> (-Dliteshift.migrations, or `migrations` in liteshift.toml)");
            });
        }
        assertThat(DirectoryState.of(tmp)).as("no copy, no file").isEqualTo(before);
    }

    @Test
    void lintReadsTheConfiguredDatabase() {
        LintReport withRows = LiteShift.configure().database(db.toString()).migrations(migrations).load().lint(0);
        assertThat(withRows.linted()).as("only what is pending on app.db").containsExactly("0002_notes.sql");
        assertThat(withRows.database()).isEqualTo(db.toString());
        LintReport withoutRows = LiteShift.configure().migrations(migrations).load().lint(0);
        assertThat(withoutRows.linted()).containsExactly("0001_users.sql", "0002_notes.sql");
        assertThat(withoutRows.database()).isNull();
    }

    @Test
    void aSchemaFileThatIsNotThereNamesTheSettingOfEachFrontEnd() {
        DirectoryState before = DirectoryState.of(tmp);
        Path missing = tmp.resolve("schema.sql");
        assertThatThrownBy(() -> LiteShift.push(db.toString(), missing, PushOptions.defaults()))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
                    assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).contains("the schema file " + missing + " does not exist. Check --schema"
                            + " FILE or --schema-class CLASS (or schema in liteshift.toml), or run `liteshift init`");
                    assertThat(e.message(Fix.FrontEnd.MAVEN)).contains("Check <schema> (-Dliteshift.schema, or schema in liteshift.toml)");
                });
        assertThat(DirectoryState.of(tmp)).isEqualTo(before);
    }

    @Test
    void keepingANegativeNumberOfBackupsIsRefused() {
        DirectoryState before = DirectoryState.of(tmp);
        Path backups = tmp.resolve("backups");
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).load();

        assertThatThrownBy(() -> app.backup(backups, -1)).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
            assertThat(e.message(Fix.FrontEnd.COMMAND_LINE)).isEqualTo("--keep N must be 0 (keep all) or more, not -1. Nothing was changed.");
            assertThat(e.message(Fix.FrontEnd.MAVEN)).startsWith("-Dliteshift.keep (<keep>) must be 0");
        });
        assertThatThrownBy(() -> LiteShift.configure().backupBeforeMigrate(backups, -2)).isInstanceOf(LiteShiftException.class);
        assertThat(DirectoryState.of(tmp)).isEqualTo(before);

        BackupInfo taken = app.backup(backups, 0);
        assertThat(app.backups(backups)).extracting(BackupInfo::file).containsExactly(taken.file());
        assertThat(app.verifyBackup(taken.file()).version()).isEqualTo(1);
        assertThat(app.partialBackups(backups)).isEmpty();
    }

    private void writeAndHash(Path file, String sql) throws Exception {
        Files.writeString(file, sql);
        LiteShift.configure().migrations(migrations).load().hash();
    }

    private List<String> names() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM users ORDER BY id")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
