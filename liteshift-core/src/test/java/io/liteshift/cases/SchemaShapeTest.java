package io.liteshift.cases;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case runner is only as strict as its oracle: each row here is a pair of schemas that must (or must not)
 * compare equal. A lax oracle would let engine bugs pass as green cases.
 */
class SchemaShapeTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', textBlock = """
            type               ~ CREATE TABLE t (a INTEGER)                          ~ CREATE TABLE t (a TEXT)
            not null           ~ CREATE TABLE t (a INTEGER)                          ~ CREATE TABLE t (a INTEGER NOT NULL)
            default            ~ CREATE TABLE t (a INTEGER DEFAULT 1)                ~ CREATE TABLE t (a INTEGER DEFAULT 2)
            collation          ~ CREATE TABLE t (a TEXT)                             ~ CREATE TABLE t (a TEXT COLLATE NOCASE)
            primary key        ~ CREATE TABLE t (a INT, b INT, PRIMARY KEY (a))      ~ CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b))
            unique             ~ CREATE TABLE t (a INT, b INT, UNIQUE (a))           ~ CREATE TABLE t (a INT, b INT, UNIQUE (a, b))
            check              ~ CREATE TABLE t (a INT CHECK (a > 0))                ~ CREATE TABLE t (a INT CHECK (a >= 0))
            fk action          ~ CREATE TABLE t (a INT REFERENCES p(id))             ~ CREATE TABLE t (a INT REFERENCES p(id) ON DELETE CASCADE)
            fk target          ~ CREATE TABLE t (a INT REFERENCES p(id))             ~ CREATE TABLE t (a INT REFERENCES q(id))
            autoincrement      ~ CREATE TABLE t (id INTEGER PRIMARY KEY)             ~ CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)
            strict             ~ CREATE TABLE t (a INTEGER)                          ~ CREATE TABLE t (a INTEGER) STRICT
            without rowid      ~ CREATE TABLE t (a INTEGER PRIMARY KEY)              ~ CREATE TABLE t (a INTEGER PRIMARY KEY) WITHOUT ROWID
            generated kind     ~ CREATE TABLE t (a INT, b INT AS (a * 2) VIRTUAL)    ~ CREATE TABLE t (a INT, b INT AS (a * 2) STORED)
            index desc         ~ CREATE TABLE t (a INT); CREATE INDEX i ON t(a)      ~ CREATE TABLE t (a INT); CREATE INDEX i ON t(a DESC)
            index partial      ~ CREATE TABLE t (a INT); CREATE INDEX i ON t(a)      ~ CREATE TABLE t (a INT); CREATE INDEX i ON t(a) WHERE a > 0
            index expression   ~ CREATE TABLE t (a TEXT); CREATE INDEX i ON t(lower(a)) ~ CREATE TABLE t (a TEXT); CREATE INDEX i ON t(upper(a))
            index unique       ~ CREATE TABLE t (a INT); CREATE INDEX i ON t(a)      ~ CREATE TABLE t (a INT); CREATE UNIQUE INDEX i ON t(a)
            view               ~ CREATE TABLE t (a INT); CREATE VIEW v AS SELECT a FROM t ~ CREATE TABLE t (a INT); CREATE VIEW v AS SELECT a + 1 AS a FROM t
            trigger            ~ CREATE TABLE t (a INT); CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; END ~ CREATE TABLE t (a INT); CREATE TRIGGER g AFTER DELETE ON t BEGIN SELECT 1; END
            virtual table      ~ CREATE VIRTUAL TABLE d USING fts5(a)                ~ CREATE VIRTUAL TABLE d USING fts5(a, b)
            missing table      ~ CREATE TABLE t (a INT)                              ~ CREATE TABLE t (a INT); CREATE TABLE u (a INT)
            """)
    void tellsApart(String what, String left, String right) throws Exception {
        assertThat(differences(left, right)).as(what).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', textBlock = """
            letter case        ~ CREATE TABLE Users (Id INTEGER PRIMARY KEY, Name text) ~ create table users (id integer primary key, name TEXT)
            quoting            ~ CREATE TABLE "t" ("a" INT CHECK ("a" > 0), [b] TEXT COLLATE NOCASE) ~ CREATE TABLE t (a INT CHECK (a>0), b TEXT COLLATE nocase)
            spacing            ~ CREATE TABLE t (a INT DEFAULT (1 + 2)); CREATE INDEX i ON t(a) WHERE a   >   0 ~ CREATE TABLE t (a INT DEFAULT (1+2)); CREATE INDEX i ON t (a) WHERE a>0
            view head          ~ CREATE TABLE t (a INT); CREATE VIEW "my view" AS SELECT a FROM t ~ CREATE TABLE t (a INT); CREATE VIEW [my view] AS SELECT a FROM t
            """)
    void identifiesSpellings(String what, String left, String right) throws Exception {
        assertThat(differences(left, right)).as(what).isEmpty();
    }

    private List<String> differences(String left, String right) throws Exception {
        Path a = Files.createTempFile(tmp, "a", ".db");
        Path b = Files.createTempFile(tmp, "b", ".db");
        CaseRunner.build(a, left);
        CaseRunner.build(b, right);
        try (Connection ca = TestDb.open(a); Connection cb = TestDb.open(b)) {
            return SchemaShape.differences(SchemaShape.of(ca), SchemaShape.of(cb));
        }
    }
}
