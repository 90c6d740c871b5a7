package io.liteshift.migrate;

import io.liteshift.LiteShift;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.Databases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrations directory whose migrations each do real work (tens of milliseconds at the default size), and what
 * the database must hold after each of them, found by replaying them in memory through the same runner.
 * <p>
 * Every migration inserts one row into {@code markers}: a migration that ran twice shows up as two rows, one that
 * ran half as a missing row or a wrong fingerprint. Between the setup (tables, accounts, entries) the migrations
 * cycle through: a rebuild of the parent {@code accounts} that {@code entries} and {@code totals_*} reference with
 * {@code ON DELETE CASCADE} (no child may disappear), a large {@code INSERT ... SELECT} from a recursive CTE, a
 * large {@code UPDATE}, a rebuild of the child {@code entries} with its indexes, a summary table, and a delete with
 * foreign keys on, where the cascade must fire.
 *
 * @param fingerprints entry k: {@link #fingerprint} of the data after migration k (entry 0: the empty database)
 * @param schemas      entry k: the schema after migration k
 * @param entries      entry k: how many rows {@code entries} holds after migration k
 */
record Workload(Path dir, int count, List<String> fingerprints, List<Schema> schemas, List<Long> entries) {

    /**
     * Writes {@code count} migrations into {@code dir} (bulk steps insert {@code rows} rows), hashes the directory
     * (integrity file and snapshots, as a project would have them) and replays it for the expectations.
     *
     * @param slowVersion a migration that also fills a table with {@code slowRows} rows (0: none); a lock holder
     *                    that is sure to outlast a short lock timeout
     */
    static Workload write(Path dir, int count, int rows, int slowVersion, int slowRows) {
        if (count < 4) throw new IllegalArgumentException("at least 4 migrations: tables, accounts, entries, and one more");
        Writer w = new Writer(dir, rows);
        for (int v = 1; v <= count; v++) w.write(v, v == slowVersion ? slowRows : 0);
        MigrationDirectory md = MigrationDirectory.of(dir);
        LiteShift.configure().migrations(dir).load().hash();
        List<String> fingerprints = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        try (Connection empty = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            fingerprints.add(fingerprint(empty));
            schemas.add(Inspector.inspect(empty));
            entries.add(0L);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        Replay.close(Replay.run(md, Integer.MAX_VALUE, (m, db) -> {
            fingerprints.add(fingerprint(db));
            schemas.add(Inspector.inspect(db));
            entries.add(count(db, "SELECT count(*) FROM entries"));
        }));
        return new Workload(dir, count, List.copyOf(fingerprints), List.copyOf(schemas), List.copyOf(entries));
    }

    /**
     * Asserts that {@code db} is exactly where migration k left it, for the k its journal names: the journal holds
     * 1..k, the schema is the snapshot of k (what {@code status} reports as drift) and the schema replaying 1..k gives,
     * the rows are the rows 1..k produce, and the file is sound. {@code status} opens it first, read only, as an
     * operator's {@code liteshift status} after a crash would.
     *
     * @return k
     */
    int assertAtBoundary(Path db) throws SQLException {
        // killed before its first commit: still the empty file it started from, which is no database yet (version 0)
        if (!Databases.holdsDatabase(db)) return 0;
        StatusReport status = liteshift(db, Duration.ofSeconds(30)).status();
        assertThat(status.history().problems()).as("history problems of %s", db).isEmpty();
        assertThat(status.drift()).as("drift of %s", db).isEmpty();
        int k = status.history().version();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(Journal.read(c)).extracting(a -> (long) a.version())
                    .as("journal of %s", db).containsExactlyElementsOf(LongStream.rangeClosed(1, k).boxed().toList());
            assertThat(Differ.diff(schemas.get(k), Inspector.inspect(c))).as("schema of %s against migrations 1..%d", db, k).isEmpty();
            if (k > 0) {
                assertThat(column(c, "SELECT version FROM markers GROUP BY version HAVING count(*) = 1 ORDER BY version"))
                        .as("migrations that ran exactly once").containsExactlyElementsOf(LongStream.rangeClosed(1, k).boxed().toList());
            }
            assertThat(fingerprint(c)).as("rows of %s against migrations 1..%d", db, k).isEqualTo(fingerprints.get(k));
            assertThat(strings(c, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(strings(c, "PRAGMA foreign_key_check")).isEmpty();
        }
        return k;
    }

    /** {@link #assertAtBoundary} at the last migration, and {@code verify} finds nothing. */
    void assertComplete(Path db) throws SQLException {
        assertThat(assertAtBoundary(db)).as("version of %s", db).isEqualTo(count);
        assertThat(liteshift(db, Duration.ofSeconds(30)).verify()).as("verify %s", db).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            // every child of the rebuilt parent is still there (the fingerprint says so too; this says it plainly)
            assertThat(count(c, "SELECT count(*) FROM entries")).isEqualTo(entries.get(count));
        }
    }

    static List<Long> column(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** A database file in {@code mode} (DELETE: rollback journal, WAL), empty, or nothing for a file migrate creates. */
    static void create(Path db, String mode) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = " + mode);
        }
    }

    LiteShift liteshift(Path db, Duration lockTimeout) {
        return LiteShift.configure().database(db.toString()).migrations(dir).createMissing(true).lockTimeout(lockTimeout).load();
    }

    /**
     * Every row of every table but the journal (whose times and process ids differ from run to run), in table and
     * rowid order, hashed; with the row counts in front, so that a mismatch is readable.
     */
    static String fingerprint(Connection c) throws SQLException {
        MessageDigest d = sha256();
        StringBuilder counts = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' AND name <> '" + Journal.TABLE + "' ORDER BY name")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        for (String t : tables) {
            long n = 0;
            d.update(("\u0001" + t).getBytes(StandardCharsets.UTF_8));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    n++;
                    for (int i = 1; i <= cols; i++) {
                        String v = rs.getString(i);
                        d.update((v == null ? "\u0000N" : "\u0002" + v).getBytes(StandardCharsets.UTF_8));
                    }
                    d.update((byte) '\n');
                }
            }
            counts.append(t).append('=').append(n).append(' ');
        }
        return counts + "sha256:" + HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the files, keeping track of the two tables' columns so that each rebuild copies what is there. */
    private static final class Writer {
        private final Path dir;
        private final int rows;
        private final List<String> accounts = new ArrayList<>(List.of("id INTEGER PRIMARY KEY", "name TEXT NOT NULL"));
        private final List<String> entries = new ArrayList<>(List.of("id INTEGER PRIMARY KEY",
                "account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE", "amount INTEGER NOT NULL", "note TEXT"));
        private final List<String> entryIndexes = new ArrayList<>(List.of("CREATE INDEX entries_by_account ON entries(account_id);"));

        Writer(Path dir, int rows) {
            this.dir = dir;
            this.rows = rows;
        }

        void write(int v, int slowRows) {
            String kind;
            StringBuilder sql = new StringBuilder();
            if (v == 1) {
                kind = "tables";
                sql.append("CREATE TABLE accounts (").append(String.join(", ", accounts)).append(");\n")
                        .append("CREATE TABLE entries (").append(String.join(", ", entries)).append(");\n")
                        .append(String.join("\n", entryIndexes)).append('\n')
                        .append("CREATE TABLE markers (version INTEGER NOT NULL, note TEXT NOT NULL);\n");
            } else if (v == 2) {
                kind = "accounts";
                sql.append(series(accountCount())).append("INSERT INTO accounts (id, name) SELECT i, 'account ' || i FROM n;\n");
            } else if (v == 3) {
                kind = "entries";
                sql.append(series(rows)).append("INSERT INTO entries (id, account_id, amount, note)\n  SELECT i, 1 + i % ")
                        .append(accountCount()).append(", i * 7 % 1000, 'entry ' || i FROM n;\n");
            } else {
                switch ((v - 4) % 6) {
                    case 0 -> kind = rebuildAccounts(v, sql);
                    case 1 -> {
                        kind = "more_entries";
                        sql.append("-- a large INSERT ... SELECT from a recursive CTE, referencing accounts that are still there\n").append(series(rows / 2))
                                .append("INSERT INTO entries (id, account_id, amount, note)\n  SELECT (SELECT max(id) FROM entries) + i,\n")
                                .append("    coalesce((SELECT id FROM accounts WHERE id >= 1 + i * 13 % ").append(accountCount())
                                .append(" ORDER BY id LIMIT 1), (SELECT min(id) FROM accounts)),\n")
                                .append("    i % 500, 'more " + v + " ' || i FROM n;\n");
                    }
                    case 2 -> {
                        kind = "update_entries";
                        sql.append("UPDATE entries SET amount = amount + ").append(v).append(", note = note || '.").append(v)
                                .append("' WHERE id % 3 = ").append(v % 3).append(";\n");
                    }
                    case 3 -> kind = rebuildEntries(v, sql);
                    case 4 -> {
                        kind = "totals";
                        sql.append("CREATE TABLE totals_").append(v).append(" (account_id INTEGER PRIMARY KEY REFERENCES accounts(id)"
                                + " ON DELETE CASCADE, total INTEGER NOT NULL, n INTEGER NOT NULL);\n")
                                .append("INSERT INTO totals_").append(v).append(" SELECT account_id, sum(amount), count(*) FROM entries"
                                        + " GROUP BY account_id;\n")
                                .append("CREATE INDEX totals_").append(v).append("_by_total ON totals_").append(v).append("(total);\n");
                    }
                    default -> {
                        kind = "delete_accounts";
                        sql.append("-- with foreign keys on, the delete cascades to entries and totals\nPRAGMA foreign_keys = ON;\n")
                                .append("DELETE FROM accounts WHERE id % 97 = ").append(v % 97).append(";\n");
                    }
                }
            }
            if (slowRows > 0) {
                sql.append("CREATE TABLE filler_").append(v).append(" (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);\n")
                        .append(series(slowRows)).append("INSERT INTO filler_").append(v)
                        .append(" SELECT i, printf('%0200d', i) FROM n;\n")
                        .append("CREATE INDEX filler_").append(v).append("_by_payload ON filler_").append(v).append("(payload);\n");
            }
            sql.append("INSERT INTO markers (version, note) VALUES (").append(v).append(", '").append(kind).append("');\n");
            String name = String.format("%04d_%s.sql", v, kind);
            Project.write(dir.resolve(name), "-- " + name + "\n" + sql);
        }

        private int accountCount() {
            return Math.max(20, rows / 20);
        }

        /** The documented 12-step rebuild of the parent: foreign keys are off while it runs, so no cascade fires. */
        private String rebuildAccounts(int v, StringBuilder sql) {
            String names = names(accounts);
            accounts.add("c" + v + " INTEGER NOT NULL DEFAULT " + v);
            sql.append("-- a rebuild of the parent: entries and totals reference it with ON DELETE CASCADE\n")
                    .append("CREATE TABLE accounts_new (").append(String.join(", ", accounts)).append(");\n")
                    .append("INSERT INTO accounts_new (").append(names).append(") SELECT ").append(names).append(" FROM accounts;\n")
                    .append("DROP TABLE accounts;\nALTER TABLE accounts_new RENAME TO accounts;\n");
            return "rebuild_accounts";
        }

        private String rebuildEntries(int v, StringBuilder sql) {
            String names = names(entries);
            entries.add("e" + v + " TEXT NOT NULL DEFAULT 'e" + v + "' CHECK (length(e" + v + ") > 0)");
            entryIndexes.add("CREATE INDEX entries_by_amount_" + v + " ON entries(amount, id);");
            sql.append("-- a rebuild of the child, with its indexes\n")
                    .append("CREATE TABLE entries_new (").append(String.join(", ", entries)).append(");\n")
                    .append("INSERT INTO entries_new (").append(names).append(") SELECT ").append(names).append(" FROM entries;\n")
                    .append("DROP TABLE entries;\nALTER TABLE entries_new RENAME TO entries;\n")
                    .append(String.join("\n", entryIndexes)).append('\n');
            return "rebuild_entries";
        }

        private static String names(List<String> columns) {
            return String.join(", ", columns.stream().map(c -> c.substring(0, c.indexOf(' '))).toList());
        }

        private static String series(int n) {
            return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ")\n";
        }
    }
}
