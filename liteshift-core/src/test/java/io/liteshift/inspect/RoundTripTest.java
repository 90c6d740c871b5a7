package io.liteshift.inspect;

import io.liteshift.diff.Differ;
import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical DDL of an inspected schema, run into a fresh database and inspected again, is the same schema. */
class RoundTripTest {

    /** Inspects {@code script}, then re-creates it from its canonical DDL and checks nothing differs. */
    static void assertRoundTrips(String script) throws SQLException {
        Schema original = InspectorTest.inspect(script);
        String ddl = original.toString();
        Schema again = InspectorTest.inspect(ddl);
        assertThat(Differ.diff(original, again)).as("differences after re-creating from:\n%s", ddl).isEmpty();
        assertThat(Differ.diff(again, original)).as("differences back to the original from:\n%s", ddl).isEmpty();
    }

    @Test
    void rich_schema_round_trips() throws SQLException {
        assertRoundTrips("""
                CREATE TABLE "team members" (
                  id INTEGER PRIMARY KEY,
                  "select" TEXT NOT NULL COLLATE NOCASE UNIQUE,
                  score REAL DEFAULT -1.5 CHECK (score < 100),
                  at TEXT DEFAULT CURRENT_TIMESTAMP,
                  flag BOOLEAN DEFAULT TRUE,
                  note TEXT DEFAULT 'it''s',
                  doubled INT GENERATED ALWAYS AS (score * 2) STORED,
                  shout TEXT AS (upper("select")),
                  parent INT REFERENCES "team members" (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
                  CONSTRAINT named_check CHECK (length("select") > 0)
                );
                CREATE TABLE kv (k TEXT, n INT, v ANY NOT NULL, PRIMARY KEY (k, n DESC)) WITHOUT ROWID, STRICT;
                CREATE TABLE link (
                  a TEXT, b INT, c DECIMAL(10, 5), d UNSIGNED BIG INT, e DOUBLE PRECISION,
                  CONSTRAINT link_kv FOREIGN KEY (a, b) REFERENCES kv (k, n) ON UPDATE CASCADE MATCH FULL,
                  UNIQUE (b, a COLLATE RTRIM)
                );
                CREATE UNIQUE INDEX link_c ON link (c) WHERE c IS NOT NULL;
                CREATE INDEX link_expr ON link (lower(a), b DESC);
                CREATE VIEW v AS SELECT a, b FROM link;
                CREATE TRIGGER t AFTER INSERT ON link BEGIN DELETE FROM kv WHERE k = new.a; END;
                CREATE VIRTUAL TABLE docs USING fts5(body);
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (x BLOB DEFAULT x'00')",
            "CREATE TABLE t (x INT DEFAULT +1)",
            "CREATE TABLE t (x TEXT DEFAULT CURRENT_DATE)",
            "CREATE TABLE t (x INT DEFAULT NULL)",
    })
    void literal_defaults_round_trip(String table) throws SQLException {
        assertRoundTrips(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (x TEXT DEFAULT (datetime('now')))",
            "CREATE TABLE t (x INT DEFAULT (1 + 2))",
            "CREATE TABLE t (x TEXT DEFAULT ('a' || 'b'))",
    })
    void expression_defaults_round_trip(String table) throws SQLException {
        assertRoundTrips(table);
    }

    /** What real projects write: the canonical DDL (snapshots) re-creates the same schema, comments and all gone. */
    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (x TEXT DEFAULT hello, y TEXT DEFAULT \"dq\", z TEXT DEFAULT `bq`, w TEXT DEFAULT [br])",
            "CREATE TABLE t (x INT DEFAULT (1 -- one\n), y INT DEFAULT /* c */ 2 /* d */, z REAL DEFAULT - 1.5)",
            "CREATE TABLE t (x INT CHECK (x > 0 -- positive\n), y INT AS (x * 2 -- doubled\n) STORED, CHECK (y < 100 /* c */))",
            "CREATE TABLE users (age INT CHECK (\"users\".\"age\" > 21), n TEXT, CHECK (main.users.n <> ''))",
            "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (a INT, b INT, FOREIGN KEY (a) REFERENCES p(id) FOREIGN KEY (b) REFERENCES p(id) ON DELETE cascade)",
            "CREATE TABLE t (a INT CONSTRAINT c1 CHECK (a > 0) CHECK (a < 9), b INT CONSTRAINT lonely, CHECK (b > 0) CHECK (b < 9))",
            "CREATE TABLE t (id INTEGER, PRIMARY KEY (id AUTOINCREMENT))",
            "CREATE TABLE t (a INT, b TEXT); CREATE INDEX t_a ON t (a /* k */) WHERE a > 0 -- partial\n AND b IS NOT NULL",
    })
    void ddl_real_projects_write_round_trips(String script) throws SQLException {
        assertRoundTrips(script);
    }

    @Test
    void autoincrement_round_trips() throws SQLException {
        assertRoundTrips("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT)");
    }
}
