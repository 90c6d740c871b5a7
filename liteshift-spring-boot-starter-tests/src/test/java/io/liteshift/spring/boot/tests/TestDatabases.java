package io.liteshift.spring.boot.tests;

import io.liteshift.LiteShift;
import io.liteshift.spring.boot.testapp.TestApplication;
import io.liteshift.testing.TestDb;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real SQLite files for the tests: databases at a given version of the test application's migrations, and reads. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** The test application's migrations as packaged (target/classes/db/migrations). */
    static Path migrations() {
        try {
            return Path.of(TestApplication.class.getResource("/db/migrations").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes {@code db} a database migrated up to {@code version} by liteshift, from a copy of the first {@code version}
     * migrations (the copy's integrity file is written for it, as in the repository at that commit).
     */
    static void migrateTo(Path db, int version, Path scratch) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("migrations-" + version));
        Files.createDirectories(dir.resolve("meta"));
        try (var files = Files.list(migrations())) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                if (Integer.parseInt(f.getFileName().toString().substring(0, 4)) <= version) Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        LiteShift liteShift = LiteShift.configure().database(db.toString()).migrations(dir).createMissing(true).load();
        liteShift.hash();
        liteShift.migrate();
    }

    /** Rows of a query, each as column label to value, in order. */
    static List<Map<String, Object>> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                out.add(row);
            }
            return out;
        }
    }

    /** {@code PRAGMA integrity_check} is ok and {@code PRAGMA foreign_key_check} finds no orphan. */
    static void assertSound(Path db) throws SQLException {
        assertThat(TestDb.column(db, "PRAGMA integrity_check")).as("integrity_check of " + db).containsExactly("ok");
        assertThat(rows(db, "PRAGMA foreign_key_check")).as("foreign_key_check of " + db).isEmpty();
    }

    /** The database file and its side files, each by SHA-256 (absent: not listed), to show that nothing was written. */
    static Map<String, String> files(Path db) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String suffix : new String[]{"", "-wal", "-journal", "-shm"}) {
            Path f = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(f)) out.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
