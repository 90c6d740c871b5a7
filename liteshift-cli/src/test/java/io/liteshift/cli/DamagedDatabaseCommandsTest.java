package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database cut short, through the command line: every command says it is damaged in one paragraph on standard
 * error, exits 6 and leaves the file as it was, and the restore command it names, typed as printed, brings it back.
 */
class DamagedDatabaseCommandsTest extends InTemporaryWorkingDirectory {
    private static final Pattern RESTORE = Pattern.compile("`(liteshift restore [^`]+)`");
    private Path db;
    private Path backup;

    @BeforeEach
    void aBackedUpDatabaseCutShort() throws Exception {
        Files.writeString(dir.resolve("liteshift.toml"), "database = \"app.db\"\n[migrate]\ncreate = true\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run("migrate").exitCode()).isZero();
        db = dir.resolve("app.db");
        TestDb.exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                + " INSERT INTO notes (body) SELECT hex(randomblob(30)) FROM n");
        assertThat(Cli.run("backup").exitCode()).isZero();
        backup = backups().get(0);
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2 / 4096 * 4096);
        }
    }

    @Test
    void everyCommandSaysDamagedExitsSixAndChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(db);
        for (String command : List.of("status", "verify", "migrate", "backup", "doctor")) {
            Cli.Result r = Cli.run(command);
            assertThat(r.exitCode()).as(command + ": " + r).isEqualTo(Main.NOT_UP_TO_DATE);
            String said = command.equals("doctor") ? r.out() : r.err();
            assertThat(said).as(command).contains(db + " is damaged: SQLite reports \"database disk image is malformed\"")
                    .contains("`liteshift restore " + backup + " --db " + db + " --yes --force`");
            if (!command.equals("doctor")) {
                CliAssertions.assertNoStackTrace(r);
                assertThat(r.err().lines()).as(command + ": one paragraph").hasSize(1);
                assertThat(r.out()).as(command).doesNotContain("Up to date").doesNotContain("Verified");
            }
            assertThat(Files.readAllBytes(db)).as(command).isEqualTo(before);
            assertThat(dir.resolve("app.db-journal")).doesNotExist();
        }
        assertThat(backups()).containsExactly(backup);
    }

    @Test
    void theRestoreCommandAsPrintedBringsTheDatabaseBack() {
        Cli.Result refused = Cli.run("migrate");
        Matcher m = RESTORE.matcher(refused.err());
        assertThat(m.find()).as(refused.toString()).isTrue();

        Cli.Result restored = Cli.run(m.group(1).substring("liteshift ".length()).split(" "));
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(TestDb.sound(db)).isTrue();
        assertThat(TestDb.count(db, "notes")).isEqualTo(2000);

        assertThat(Cli.run("migrate").exitCode()).isZero();
        Cli.Result verified = Cli.run("verify");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            return s.filter(p -> p.toString().endsWith(".sqlite")).sorted().toList();
        }
    }
}
