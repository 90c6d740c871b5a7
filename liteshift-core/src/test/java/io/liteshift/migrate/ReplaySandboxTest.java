package io.liteshift.migrate;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShiftException;
import io.liteshift.sqlite.Databases;
import io.liteshift.lint.LintReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The replays of a migrations directory (generate, hash, verify, revert, lint, snapshots) run in the sandbox: a
 * migration writes its own tables there and never reaches a file, even through a statement the migration rules
 * would miss. And what would reach a file in migrate too is refused by those rules first, naming file:line.
 */
class ReplaySandboxTest {
    @TempDir
    Path tmp;
    Project p;
    Path prod;
    Path copy;

    @BeforeEach
    void aMigratedProjectAndAProductionFileBesideIt() throws Exception {
        p = new Project(tmp);
        p.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);", "a");
        p.liteshift().migrate();
        p.sql("INSERT INTO a VALUES (1), (2);");
        prod = Files.createDirectory(tmp.resolve("prod")).resolve("prod.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + prod); var s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1,'a'),(2,'b')");
        }
        copy = prod.resolveSibling("copy.db");
    }

    /** What SQLite says to each way out, on a connection the replay hands out, as migrate's runner would send it. */
    private void refusesFiles(Connection replay) {
        assertThatThrownBy(() -> Databases.exec(replay, "ATTACH '" + prod + "' AS p")).hasMessageContaining("too many attached databases - max 0");
        assertThatThrownBy(() -> Databases.exec(replay, "VACUUM INTO '" + copy + "'")).hasMessageContaining("too many attached databases - max 0");
        assertThatThrownBy(() -> Databases.exec(replay, "SELECT load_extension('" + copy + "')")).hasMessageContaining("not authorized");
    }

    @Test
    void aStatementTheRulesMissedStillCannotReachAFileFromTheReplay() throws Exception {
        DirectoryState before = DirectoryState.of(prod.getParent());
        MigrationDirectory dir = MigrationDirectory.of(p.migrations);
        try (Connection replay = Replay.run(dir, Integer.MAX_VALUE, (m, db) -> refusesFiles(db))) {
            refusesFiles(replay);
            Databases.exec(replay, "INSERT INTO a VALUES (7)"); // its own tables it may write
        }
        assertThat(DirectoryState.of(prod.getParent())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup to %s", "BACKUP main TO %s", "restore from %s", "Restore main FROM %s",
            "PRAGMA temp_store_directory = '%s'", "pragma main.temp_store_directory('%s')"})
    void aMigrationThatWouldCopyADatabaseFileOrMoveTempFilesIsRefusedEverywhere(String template) throws Exception {
        String target = template.contains("restore") || template.contains("Restore") ? prod.toString()
                : template.contains("temp_store") ? prod.getParent().toString() : copy.toString();
        p.migration("0002_b.sql", "CREATE TABLE b (id INTEGER PRIMARY KEY);\n" + template.formatted(target) + ";\n");
        p.sumOnly();
        DirectoryState files = DirectoryState.of(prod.getParent());
        byte[] db = p.dbBytes();

        refused(() -> p.liteshift().migrate());
        assertThat(p.dbBytes()).as("migrate changed nothing").isEqualTo(db);
        refused(() -> p.liteshift().hash());
        p.sumOnly(); // hash writes the integrity file before it replays
        refused(() -> p.liteshift().verifyDirectory());
        p.declare("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY); CREATE TABLE c (x);");
        refused(() -> p.liteshift().generate("c"));
        LintReport lint = MigrationLint.lint(MigrationDirectory.of(p.migrations), p.db, 0);
        assertThat(lint.errors()).anySatisfy(i -> assertThat(i.message()).contains("0002_b.sql:2:"));

        assertThat(DirectoryState.of(prod.getParent())).isEqualTo(files);
        assertThat(p.dbBytes()).isEqualTo(db);
        assertThat(p.count("SELECT count(*) FROM a")).isEqualTo(2);
    }

    private static void refused(Executable command) {
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, command::execute);
        assertThat(e).as("must be refused").isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).contains("0002_b.sql:2: this ");
    }
}
