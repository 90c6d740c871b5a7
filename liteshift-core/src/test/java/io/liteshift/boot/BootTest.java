package io.liteshift.boot;

import io.liteshift.LiteShift;
import io.liteshift.backup.BackupInfo;
import io.liteshift.backup.Backups;
import io.liteshift.seed.Seeder;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The boot sequence an application's main runs: back up when something is pending, migrate, seed. */
class BootTest {
    @TempDir
    Path tmp;

    @Test
    void backupThenMigrateThenSeedOnBoot() throws Exception {
        Path migrations = tmp.resolve("migrations");
        Path seeds = tmp.resolve("seeds");
        Path backups = tmp.resolve("backups");
        Path db = tmp.resolve("app.db");
        Files.writeString(tmp.resolve("v1.sql"), "CREATE TABLE plans (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n");
        LiteShift.configure().migrations(migrations).schema(tmp.resolve("v1.sql")).load().generate("plans");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("0001_plans.sql"), "INSERT INTO plans (name) VALUES ('free'), ('pro');\n");

        LiteShift boot = LiteShift.configure().database(db.toString()).createMissing(true).migrations(migrations)
                .backupBeforeMigrate(backups, 3).seedAfterMigrate(seeds, new Seeder() {
                    public String name() {
                        return "admin user";
                    }

                    public void seed(Connection c) throws SQLException {
                        c.createStatement().execute("INSERT INTO plans (name) VALUES ('admin')");
                    }
                }).load();
        assertThat(boot.migrate().applied()).hasSize(1);
        assertThat(TestDb.column(db, "SELECT name FROM plans ORDER BY id")).containsExactly("free", "pro", "admin");
        assertThat(Backups.list(backups, "app.db")).as("a new database has nothing to back up").isEmpty();

        Files.writeString(tmp.resolve("v2.sql"), "CREATE TABLE plans (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price INTEGER);\n");
        LiteShift.configure().migrations(migrations).schema(tmp.resolve("v2.sql")).load().generate("price");
        assertThat(boot.migrate().applied()).hasSize(1);
        List<BackupInfo> taken = Backups.list(backups, "app.db");
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).version()).as("the backup holds the schema before the migration").isEqualTo(1);
        assertThat(TestDb.column(db, "SELECT name FROM plans ORDER BY id")).as("seeds run once").containsExactly("free", "pro", "admin");
        assertThat(boot.migrate().upToDate()).isTrue();
        assertThat(Backups.list(backups, "app.db")).as("nothing pending, no backup").hasSize(1);
    }
}
