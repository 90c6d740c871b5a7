package io.liteshift.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --repo}: the repository alone, for CI, in a project whose liteshift.toml names a database: a schema
 * change nobody generated a migration for fails, though the database itself still verifies.
 */
class VerifyRepoCommandTest extends InTemporaryWorkingDirectory {

    @BeforeEach
    void aMigratedProjectWhoseSchemaChangedWithoutAMigration() throws Exception {
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"app.db\"\n[migrate]\ncreate = true\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run("migrate").exitCode()).isZero();
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
    }

    @Test
    void theRepositoryCheckFailsWhereTheDatabaseCheckPasses() throws Exception {
        Cli.Result database = Cli.run("verify");
        assertThat(database.exitCode()).as("the database is where its migrations say: " + database).isZero();

        Cli.Result repository = Cli.run("verify", "--repo");
        assertThat(repository.exitCode()).as(repository.toString()).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(repository.out()).contains(dir.resolve("schema.sql") + " has changes that no migration makes: alter table notes:"
                + " add column pinned. Run `liteshift generate` and commit the migration.").doesNotContain("app.db");

        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
        Cli.Result clean = Cli.run("verify", "--repo", "--json");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(clean.out());
        // no database was read: null, and the directory that was checked
        assertThat(json).containsEntry("ok", true).containsEntry("exitCode", 0).containsEntry("database", null)
                .containsEntry("directory", dir.resolve("migrations").toString()).containsEntry("repositoryOnly", true)
                .containsEntry("problems", List.of());
        assertThat(Cli.run("verify", "--repo").out()).contains("Verified " + dir.resolve("migrations") + " (the repository only)");
        assertThat(TestDb.column(dir.resolve("app.db"), "SELECT version FROM liteshift_migrations")).as("not migrated").containsExactly("1");
    }

    @Test
    void repoWithDbOrEachIsAUsageError() {
        Cli.Result withDb = Cli.run("verify", "--repo", "--db", "app.db");
        assertThat(withDb.exitCode()).isEqualTo(Main.USAGE);
        assertThat(withDb.err()).contains("--repo checks the repository alone, without a database, so it cannot be used with --db.");

        Cli.Result withEach = Cli.run("verify", "--repo", "--each", "*.db");
        assertThat(withEach.exitCode()).isEqualTo(Main.USAGE);
        assertThat(withEach.err()).contains("cannot be used with --each");
    }
}
