package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import io.liteshift.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of the online process tests and the application writing it ({@link AppWriter}, its own process): a WAL
 * database with {@code items} (rows 1..N) and {@code notes}, a child with ON DELETE CASCADE; the declared schema that
 * rebuilds {@code items}; and the check of the database against every write the application logged.
 */
final class OnlineTable {
    static final String OLD = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, owner INTEGER, name TEXT, qty INTEGER);
            CREATE INDEX items_owner ON items (owner);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX notes_item ON notes (item_id);
            """;
    /** qty becomes NOT NULL with a DEFAULT and a CHECK that the application's writes keep (qty < 1,000,000): a rebuild. */
    static final String NEW = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, owner INTEGER, name TEXT, qty INTEGER NOT NULL DEFAULT 0 CHECK (qty < 1000000));
            CREATE INDEX items_owner ON items (owner);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE, body TEXT);
            CREATE INDEX notes_item ON notes (item_id);
            """;
    /** The first id the application inserts: far above the rows the table starts with. */
    static final long FIRST_NEW_ID = 10_000_000;

    final Path db;
    final int rows;
    final Path log;
    final Path control;
    private Process writer;
    private int started;

    private OnlineTable(Path db, int rows) {
        this.db = db;
        this.rows = rows;
        this.log = db.resolveSibling("writes.log");
        this.control = db.resolveSibling("writer-control");
    }

    /** {@code rows} items (every 10th with a note, every 7th qty NULL: the DEFAULT fills it), in WAL mode. */
    static OnlineTable create(Path dir, int rows) {
        OnlineTable t = new OnlineTable(dir.resolve("app.db"), rows);
        TestDb.exec(t.db, "PRAGMA journal_mode = WAL;\n" + OLD + """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
                  INSERT INTO items SELECT i, i %% 97, 'item ' || i, CASE WHEN i %% 7 = 0 THEN NULL ELSE i %% 1000 END FROM n;
                INSERT INTO notes (item_id, body) SELECT id, 'first' FROM items WHERE id %% 10 = 0;
                """.formatted(rows));
        TestDb.writeSchema(dir.resolve("schema.sql"), NEW);
        try {
            Files.createDirectories(t.control);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    /** Starts the application's writer and waits until it writes. */
    void startWriter() throws IOException {
        Files.deleteIfExists(control.resolve("stop"));
        Files.deleteIfExists(control.resolve("pause"));
        Files.deleteIfExists(control.resolve("paused"));
        // a restarted writer continues above every id it could have inserted before
        long firstId = FIRST_NEW_ID + 1_000_000L * started++;
        writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), AppWriter.class.getName(), db.toString(), log.toString(),
                control.toString(), Long.toString(42 + started), Long.toString(firstId), Integer.toString(rows))
                .redirectErrorStream(true).redirectOutput(db.resolveSibling("writer-" + started + ".out").toFile()).start();
        int before = writes().size();
        Await.until("the writer's first writes", Duration.ofSeconds(60), () -> writes().size() > before + 10 || !writer.isAlive());
        assertThat(writer.isAlive()).as("the writer runs (%s)", db.resolveSibling("writer-" + started + ".out")).isTrue();
    }

    /** Stops the writer where it stands, so that the database can be read against the log. */
    void pause() throws IOException {
        Files.writeString(control.resolve("pause"), "");
        Await.until("the writer to pause", Duration.ofSeconds(30), () -> Files.exists(control.resolve("paused")) || !writer.isAlive());
    }

    void resume() throws IOException {
        Files.deleteIfExists(control.resolve("pause"));
        // the next pause waits for a fresh "paused": this one must not answer it while the writer is mid-write
        Files.deleteIfExists(control.resolve("paused"));
    }

    void stopWriter() throws IOException, InterruptedException {
        if (writer == null) return;
        Files.writeString(control.resolve("stop"), "");
        if (!writer.waitFor(30, TimeUnit.SECONDS)) writer.destroyForcibly().waitFor();
        writer = null;
    }

    /** Every line of the log: committed writes, and failed ones ({@code failed ...}). */
    List<String> writes() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> failedWrites() {
        return writes().stream().filter(l -> l.startsWith("failed ")).toList();
    }

    /**
     * The database holds exactly what the application committed: each item its writes touched has the last committed
     * qty and name (an update of a deleted row changes nothing), deleted items and their notes are gone, and the row
     * count is the start's plus inserts minus deletes of existing rows; integrity_check and foreign_key_check are
     * clean. The rows no write touched hold their first values (a NULL qty may have become the DEFAULT 0).
     */
    void assertHoldsEveryCommittedWrite() {
        assertHoldsEveryCommittedWrite("");
    }

    /** As {@link #assertHoldsEveryCommittedWrite()}, {@code context} (what ran before) in the failure's description. */
    void assertHoldsEveryCommittedWrite(String context) {
        Map<Long, String> expected = new HashMap<>(); // id -> "name|qty", or null once deleted
        for (String line : writes()) {
            String[] f = line.split(" ");
            if (f[0].equals("failed")) continue;
            long id = Long.parseLong(f[1]);
            long qty = Long.parseLong(f[2]);
            boolean exists = expected.containsKey(id) ? expected.get(id) != null : id <= rows;
            switch (f[0]) {
                case "insert" -> expected.put(id, "item " + id + "|" + qty);
                case "update" -> {
                    if (exists) expected.put(id, "item " + id + " v" + qty + "|" + qty);
                }
                default -> expected.put(id, null);
            }
        }
        long deletedOriginals = expected.entrySet().stream().filter(e -> e.getValue() == null && e.getKey() <= rows).count();
        long inserted = expected.entrySet().stream().filter(e -> e.getKey() > rows && e.getValue() != null).count();
        List<String> wrong = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false); // one read transaction: one snapshot for every query
            for (Map.Entry<Long, String> e : expected.entrySet()) {
                String actual = null;
                try (var ps = c.prepareStatement("SELECT name || '|' || qty FROM items WHERE id = ?")) {
                    ps.setLong(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) actual = rs.getString(1);
                    }
                }
                if (e.getValue() == null ? actual != null : !e.getValue().equals(actual)) {
                    wrong.add("item " + e.getKey() + ": expected " + e.getValue() + ", found " + actual);
                }
            }
            try (var st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE touched (id INTEGER PRIMARY KEY)");
            }
            try (var ps = c.prepareStatement("INSERT INTO temp.touched VALUES (?)")) {
                for (Long id : expected.keySet()) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            assertThat(one(c, "SELECT count(*) FROM items WHERE id <= " + rows + " AND id NOT IN (SELECT id FROM temp.touched)"
                    + " AND (name IS NOT 'item ' || id OR coalesce(qty, 0) IS NOT CASE WHEN id % 7 = 0 THEN 0 ELSE id % 1000 END)"))
                    .as("untouched rows whose values changed").isZero();
            long count = one(c, "SELECT count(*) FROM items");
            assertThat(count).as("items rows (%s)\n%s", wrong, context).isEqualTo(rows - deletedOriginals + inserted);
            assertThat(one(c, "SELECT count(*) FROM notes WHERE item_id NOT IN (SELECT id FROM items)")).as("notes of deleted items").isZero();
            c.rollback(); // the temporary table goes with it
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(wrong).as("committed writes that the database does not hold\n%s", context).isEmpty();
        assertThat(TestDb.column(db, "PRAGMA integrity_check")).isEqualTo(List.of("ok"));
        assertThat(TestDb.column(db, "PRAGMA foreign_key_check")).isEmpty();
    }

    /** Whether items has the declared schema (qty NOT NULL): the rebuild's swap committed. */
    boolean rebuilt() {
        return TestDb.queryLong(db, "SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'qty'") == 1;
    }

    /**
     * What an online rebuild left in the schema: any name but the application's, SQLite's own and liteshift's
     * bookkeeping tables (liteshift_migrations); the rebuild's own are the {@code _liteshift...} ones.
     */
    List<String> leftovers() {
        return TestDb.column(db, "SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT IN ('items', 'items_owner', 'notes',"
                + " 'notes_item') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'liteshift\\_%' ESCAPE '\\' ORDER BY name");
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
