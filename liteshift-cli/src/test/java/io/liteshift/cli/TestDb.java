package io.liteshift.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The CLI tests' old name for {@link io.liteshift.testing.TestDb}, kept only while tests written on other branches
 * against it are merged; every test here imports {@code io.liteshift.testing.TestDb}. Remove it once none uses it.
 */
final class TestDb {
    private TestDb() {
    }

    static Path exec(Path file, String sql) {
        return io.liteshift.testing.TestDb.exec(file, sql);
    }

    static Path writeSchema(Path file, String sql) {
        return io.liteshift.testing.TestDb.writeSchema(file, sql);
    }

    static String dump(Path file) {
        return io.liteshift.testing.TestDb.dump(file);
    }

    static long count(Path file, String table) {
        return io.liteshift.testing.TestDb.count(file, table);
    }

    static long queryLong(Path file, String sql) {
        return io.liteshift.testing.TestDb.queryLong(file, sql);
    }

    static List<String> column(Path file, String sql) {
        return io.liteshift.testing.TestDb.column(file, sql);
    }

    static boolean sound(Path file) {
        return io.liteshift.testing.TestDb.sound(file);
    }
}
