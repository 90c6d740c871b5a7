package io.liteshift.property;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PulledSchema;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.testing.TestDb;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pull} over random databases: schema A with rows, taken to B by a push when the rows fit (so the stored DDL is
 * what ALTER TABLE and rebuilds leave behind), with other tools' bookkeeping tables beside it. The pulled text, read as
 * a declared schema, equals the live schema; pushed back onto the same database it plans nothing and leaves the file
 * byte-identical; and it never names the bookkeeping tables.
 */
class PullPropertyTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Scenario.arbitrary();
    }

    @Property(tries = 200)
    void pullThenPushIsANoOpAndReadsAsTheLiveSchema(@ForAll("scenarios") Scenario s) throws Exception {
        ScratchDirectory.with("liteshift-pull", dir -> {
            Path db = dir.resolve("app.db");
            PushCheck.populate(db, s.schemaAStatements(), s.populating(), new ArrayList<>());
            try (Connection c = TestDb.open(db)) {
                TestDb.exec(c, "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50))");
                TestDb.exec(c, "CREATE TABLE \"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)");
                TestDb.exec(c, "INSERT INTO flyway_schema_history VALUES (1, '1')");
            }
            Files.writeString(dir.resolve("b.sql"), s.schemaBSql());
            try {
                LiteShift.push(db.toString(), dir.resolve("b.sql"), PushOptions.defaults().allowingDestructive());
            } catch (LiteShiftException refused) {
                // A's rows do not fit B: pull the database as A left it
            }

            PulledSchema pulled = LiteShift.pull(db.toString());
            try (Connection c = TestDb.open(db)) {
                assertThat(Differ.diff(DeclaredSchema.ofSql(pulled.sql()).schema(), Inspector.inspect(c)))
                        .as("the pulled text read as a schema differs from the live one:\n" + pulled.sql()).isEmpty();
            }
            assertThat(pulled.leftOut()).containsExactly("__drizzle_migrations", "flyway_schema_history");
            assertThat(pulled.sql()).doesNotContain("CREATE TABLE flyway_schema_history", "CREATE TABLE \"__drizzle_migrations\"");

            Path schema = Files.writeString(dir.resolve("pulled.sql"), pulled.sql());
            byte[] before = Files.readAllBytes(db);
            PushResult again = LiteShift.push(db.toString(), schema, PushOptions.defaults());
            assertThat(again.plan().isEmpty()).as("pushing the pulled schema planned:\n" + again.plan().toSql() + "\nfrom:\n" + pulled.sql()).isTrue();
            assertThat(Files.readAllBytes(db)).isEqualTo(before);
            try (Connection c = TestDb.open(db)) {
                assertThat(TestDb.lines(c, "SELECT version FROM flyway_schema_history")).containsExactly("1");
            }
            return null;
        });
    }
}
