package io.liteshift.cli;

import io.liteshift.testing.TestDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project the review tests review, made through the command line as a user would: a shop database migrated to
 * its first migration and filled with rows, then two pending migrations. The first is generated from a changed
 * schema.sql (a column renamed with a hint, a column that becomes NOT NULL with a DEFAULT, so the table is rebuilt
 * and its NULLs backfilled, and a table with rows dropped); the second is written by hand (a new column, an index, a
 * DELETE without WHERE).
 *
 * @param dir        the project's directory
 * @param migrations its migrations directory
 * @param db         the database, at 0001
 * @param schema     the declared schema, which the migrations reach except for the hand-written column
 */
public record ShopReviewProject(Path dir, Path migrations, Path db, Path schema) {
    public static final String V1 = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              total_cents INTEGER NOT NULL);
            CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what TEXT);
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
            """;
    public static final String V2 = """
            CREATE TABLE customers (
              id INTEGER PRIMARY KEY,
              full_name TEXT NOT NULL, -- @renamed from=name
              email TEXT NOT NULL,
              country TEXT NOT NULL DEFAULT 'unknown'
            );
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              total_cents INTEGER NOT NULL);
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
            """;
    public static final String BY_HAND = """
            -- written by hand
            ALTER TABLE orders ADD COLUMN note TEXT;
            CREATE INDEX orders_by_customer ON orders (customer_id);
            DELETE FROM settings;
            """;
    public static final String GENERATED = "0002_full_name_and_country.sql";
    public static final String WRITTEN_BY_HAND = "0003_orders_note.sql";

    public static ShopReviewProject create(Path dir) throws IOException {
        ShopReviewProject p = new ShopReviewProject(dir, Files.createDirectories(dir.resolve("migrations")), dir.resolve("shop.db"),
                dir.resolve("schema.sql"));
        Files.writeString(p.migrations.resolve("0001_init.sql"), V1);
        p.succeeds("hash");
        p.succeeds("migrate", "--db", p.db.toString(), "--create");
        TestDb.exec(p.db, """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                  INSERT INTO customers SELECT i, 'customer ' || i, 'c' || i || '@example.com', CASE WHEN i % 7 = 0 THEN NULL ELSE 'se' END FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 900)
                  INSERT INTO orders SELECT i, 1 + i % 300, i * 10 FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
                  INSERT INTO audit_log SELECT i, 'event ' || i FROM n;
                INSERT INTO settings VALUES ('theme', 'dark'), ('lang', 'sv'), ('tz', 'UTC');
                """);
        Files.writeString(p.schema, V2);
        p.succeeds("generate", "--name", "full_name_and_country", "--schema", p.schema.toString());
        Files.writeString(p.migrations.resolve(WRITTEN_BY_HAND), BY_HAND);
        p.succeeds("hash");
        return p;
    }

    /** Runs a command on this project's migrations directory. */
    public Cli.Result run(String... args) {
        return Cli.run(Cli.plus(args, "--dir", migrations.toString()));
    }

    private void succeeds(String... args) {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    public String generatedSql() throws IOException {
        return Files.readString(migrations.resolve(GENERATED));
    }
}
