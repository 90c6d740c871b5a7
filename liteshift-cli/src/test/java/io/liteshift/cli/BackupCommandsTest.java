package io.liteshift.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** backup, backups, restore and migrate --backup through the command line, in a project directory. */
class BackupCommandsTest extends InTemporaryWorkingDirectory {

    private List<Path> backups() throws Exception {
        try (var s = Files.list(dir.resolve("backups"))) {
            return s.filter(p -> p.toString().endsWith(".sqlite")).sorted().toList();
        }
    }

    private long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void migrateBackupThenListAndRestore() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "init").exitCode()).isZero();
        assertThat(Cli.run("migrate", "--db", "app.db", "--create", "--backup").exitCode()).as("no file yet: nothing to back up").isZero();
        assertThat(dir.resolve("backups")).doesNotExist();
        Path db = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) VALUES ('one'), ('two')");
        }
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();

        Cli.Result migrated = Cli.run("migrate", "--db", "app.db", "--backup");
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        assertThat(migrated.out()).contains("backup ", "-v0001.sqlite", "applied 0002_pinned");
        assertThat(backups()).hasSize(1);
        Path before = backups().get(0);
        assertThat(Cli.run("migrate", "--db", "app.db", "--backup").out()).as("nothing pending: no backup").contains("Nothing to do");
        assertThat(backups()).hasSize(1);

        Cli.Result taken = Cli.run("backup", "--db", "app.db", "--keep", "5");
        assertThat(taken.exitCode()).as(taken.toString()).isZero();
        assertThat(taken.out()).contains("-v0002.sqlite", "sha256 ");
        assertThat(taken.err()).as("quiet for a small file").isEmpty();
        Cli.Result listed = Cli.run("backups", "--db", "app.db");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("v0001", "v0002", "sha256 ").hasLineCount(2);

        Cli.Result dry = Cli.run("restore", before.toString(), "--db", "app.db");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("verified", "Would replace", "Dry run: nothing was changed");
        assertThat(count(db, "SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'pinned'")).isEqualTo(1);

        Cli.Result restored = Cli.run("restore", "backups/" + before.getFileName(), "--db", "app.db", "--yes");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("restored", "the previous file is kept as");
        assertThat(count(db, "SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'pinned'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM notes")).isEqualTo(2);
        assertThat(Cli.run("status", "--db", "app.db").out()).contains("pending  0002_pinned.sql");

        Cli.Result again = Cli.run("migrate", "--db", "app.db", "--backup", "--keep", "1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(backups()).as("--keep 1: only the backup just taken is left").hasSize(1);
        assertThat(Files.readString(Path.of(backups().get(0) + ".manifest"))).contains("check=quick_check");
        Cli.Result full = Cli.run("backup", "--db", "app.db", "--full-check", "--keep", "1");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(Files.readString(Path.of(backups().get(0) + ".manifest"))).contains("check=integrity_check");
    }

    @Test
    void pushBackupKeepsWhatADestructivePushDrops() throws Exception {
        Path db = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, secret TEXT)");
            s.execute("INSERT INTO notes VALUES (1, 'a', 'x'), (2, 'b', 'y')");
        }
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        Cli.Result dry = Cli.run("push", "--db", "app.db", "--backup", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dir.resolve("backups")).as("a dry run takes no backup").doesNotExist();

        Cli.Result pushed = Cli.run("push", "--db", "app.db", "--backup", "--yes");
        assertThat(pushed.exitCode()).as(pushed.toString()).isZero();
        assertThat(pushed.out()).contains("backup ", "-v0000.sqlite", "Applied");
        assertThat(count(db, "SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'secret'")).isZero();
        assertThat(backups()).singleElement().satisfies(b -> {
            try {
                assertThat(count(b, "SELECT count(*) FROM notes WHERE secret IS NOT NULL")).as("the dropped column, kept").isEqualTo(2);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Cli.run("push", "--db", "app.db", "--backup").out()).contains("Nothing to do");
        assertThat(backups()).as("nothing to do: no backup").hasSize(1);
    }

    @Test
    void restoreRefusesADamagedBackupWithExitTwoAndALockedDatabaseWithExitOne() throws Exception {
        Path db = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        assertThat(Cli.run("backup", "--db", "app.db", "--to", "b").exitCode()).isZero();
        Path backup;
        try (var s = Files.list(dir.resolve("b"))) {
            backup = s.filter(p -> p.toString().endsWith(".sqlite")).findFirst().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Cli.Result locked = Cli.run("restore", backup.toString(), "--db", "app.db", "--yes");
            assertThat(locked.exitCode()).as(locked.toString()).isEqualTo(1);
            assertThat(locked.err()).contains("refusing to restore", "--force");
            s.execute("ROLLBACK");
        }
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length - 10] ^= 0x55;
        Files.write(backup, bytes);
        Cli.Result damaged = Cli.run("restore", backup.toString(), "--db", "app.db", "--yes");
        assertThat(damaged.exitCode()).isEqualTo(2);
        assertThat(damaged.err()).contains("is damaged");
        assertThat(Cli.run("backups", "--to", "b").out()).contains("v0000");
    }
}
