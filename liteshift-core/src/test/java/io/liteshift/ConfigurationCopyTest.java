package io.liteshift;

import io.liteshift.backup.BackupCheck;
import io.liteshift.seed.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code load()} keeps a copy of the configuration: a builder changed afterwards, to load another instance, leaves it alone. */
class ConfigurationCopyTest {
    @TempDir
    Path tmp;

    @Test
    void aLoadedInstanceKeepsTheSettingsItWasLoadedWith() throws Exception {
        Path first = migrations("first", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        Path second = migrations("second", "CREATE TABLE b (id INTEGER PRIMARY KEY);\n");
        Path one = tmp.resolve("one.db");
        Path two = tmp.resolve("two.db");

        Configuration builder = LiteShift.configure().database(one.toString()).migrations(first).createMissing(true);
        LiteShift loaded = builder.load();
        LiteShift other = builder.database(two.toString()).migrations(second).load();

        assertThat(loaded.migrate().applied()).hasSize(1);
        assertThat(tables(one)).containsExactly("a");
        assertThat(Files.exists(two)).as("the first instance did not follow the builder to two.db").isFalse();
        assertThat(other.migrate().applied()).hasSize(1);
        assertThat(tables(two)).containsExactly("b");
        assertThat(tables(one)).as("the second instance did not touch one.db").containsExactly("a");
    }

    /** Every field, set away from its default: the copy holds each value, so a field added later cannot be forgotten. */
    @Test
    void theCopyHoldsEverySetting() throws Exception {
        Configuration c = LiteShift.configure().database("x.db").migrations(tmp.toString()).schemaClass("app.Schema")
                .createMissing(true).outOfOrder(true).online(true).maxLock(Duration.ofMillis(40)).lockTimeout(Duration.ofSeconds(7)).replicaTimeout(Duration.ofSeconds(9))
                .classLoader(new ClassLoader() { }).lintBeforeMigrate(false).baselineOnMigrate(true)
                .progress(line -> { }).backupBeforeMigrate(tmp.resolve("b"), 4).backups(tmp.resolve("c"))
                .backupCheck(BackupCheck.FULL).seedAfterMigrate(tmp, new Seeder() {
                    public String name() {
                        return "admin";
                    }

                    public void seed(Connection connection) {
                    }
                });
        Field held = LiteShift.class.getDeclaredField("config");
        held.setAccessible(true);
        Configuration copy = (Configuration) held.get(c.load());

        assertThat(copy).isNotSameAs(c);
        Configuration defaults = LiteShift.configure();
        for (Field f : Configuration.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(c));
            if (!f.getName().equals("dataSource") && !f.getName().equals("schema")) {
                assertThat(f.get(c)).as(f.getName() + " is set away from its default by this test").isNotEqualTo(f.get(defaults));
            }
        }
    }

    private Path migrations(String name, String sql) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("0001_init.sql"), sql);
        LiteShift.configure().migrations(dir).load().hash();
        return dir;
    }

    private static List<String> tables(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'liteshift%' ORDER BY name")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
