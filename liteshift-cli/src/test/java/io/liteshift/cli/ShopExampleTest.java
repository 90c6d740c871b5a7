package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled example (examples/shop) through the command line: version 2 rebuilds the parent table
 * customers while orders references it with ON DELETE CASCADE, renames a column and fills NULLs with a DEFAULT.
 */
class ShopExampleTest {

    /** Tests run in the module directory; the example lives at the root of the repository. */
    static final Path SHOP = Path.of("..", "examples", "shop");

    @TempDir
    Path dir;

    @Test
    void upgradingTheSeededShopToVersion2KeepsEveryRow() throws IOException {
        Path db = dir.resolve("shop.db");
        assertThat(Cli.run("push", "--db", db.toString(), "--create", "--schema", SHOP.resolve("schema.sql").toString()).exitCode()).isZero();
        TestDb.exec(db, "PRAGMA foreign_keys = ON;\n" + Files.readString(SHOP.resolve("seed.sql")));
        List<Long> before = counts(db);
        List<String> names = TestDb.column(db, "SELECT name FROM customers ORDER BY id");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM customers WHERE country IS NULL")).isPositive();

        Cli.Result r = Cli.run("push", "--db", db.toString(), "--schema", SHOP.resolve("schema-v2.sql").toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("rebuilds customers").contains("note: customers.country becomes NOT NULL");
        assertThat(counts(db)).isEqualTo(before);
        assertThat(TestDb.column(db, "SELECT full_name FROM customers ORDER BY id")).isEqualTo(names);
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM customers WHERE country = 'unknown'")).isEqualTo(2);
        assertThat(TestDb.sound(db)).isTrue();
        assertThat(Cli.run("diff", "--from", db.toString(), "--to", SHOP.resolve("schema-v2.sql").toString()).out()).isEmpty();
    }

    @Test
    void afterTheUpgradeTheCascadeStillWorks() throws IOException {
        Path db = dir.resolve("shop.db");
        Cli.run("push", "--db", db.toString(), "--create", "--schema", SHOP.resolve("schema.sql").toString());
        TestDb.exec(db, Files.readString(SHOP.resolve("seed.sql")));
        Cli.run("push", "--db", db.toString(), "--schema", SHOP.resolve("schema-v2.sql").toString());
        long ordersOfAda = TestDb.queryLong(db, "SELECT count(*) FROM orders WHERE customer_id = 1");
        long orders = TestDb.count(db, "orders");
        assertThat(ordersOfAda).isPositive();

        TestDb.exec(db, "PRAGMA foreign_keys = ON; DELETE FROM customers WHERE id = 1;");

        assertThat(TestDb.count(db, "orders")).isEqualTo(orders - ordersOfAda);
        assertThat(TestDb.sound(db)).isTrue();
    }

    private static List<Long> counts(Path db) {
        return List.of(TestDb.count(db, "customers"), TestDb.count(db, "products"), TestDb.count(db, "orders"), TestDb.count(db, "order_items"));
    }
}
