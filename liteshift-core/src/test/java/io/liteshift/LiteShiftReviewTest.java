package io.liteshift;

import io.liteshift.review.Finding;
import io.liteshift.review.Migration;
import io.liteshift.review.Rename;
import io.liteshift.review.Step;
import io.liteshift.review.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The review from the Java API, on real files: what {@code LiteShift.review} puts on the page for hand-written
 * migrations (the runbook's rebuild skeleton as one step with the planner's reasons, renames followed across
 * migrations), the real counts next to the findings, and the refusals, which write nothing.
 */
class LiteShiftReviewTest {
    @TempDir
    Path dir;
    Path migrations;
    Path db;

    @BeforeEach
    void project() throws Exception {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        db = dir.resolve("app.db");
        Files.writeString(migrations.resolve("0001_teams.sql"), """
                CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE players (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES teams (id), nick TEXT, age INTEGER);
                """);
        files().hash();
        LiteShift.configure().migrations(migrations).database(db.toString()).createMissing(true).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO teams VALUES (1, 'red'), (2, 'blue')");
            s.execute("INSERT INTO players VALUES (1, 1, 'a', 30), (2, 2, NULL, 25), (3, 1, NULL, 41)");
        }
    }

    private LiteShift files() {
        return LiteShift.configure().migrations(migrations).load();
    }

    private LiteShift withDb() {
        return LiteShift.configure().migrations(migrations).database(db.toString()).load();
    }

    @Test
    void aHandWrittenRebuildIsOneStepAndRenamesAreFollowedAcrossMigrations() throws Exception {
        Files.writeString(migrations.resolve("0002_squads.sql"), "ALTER TABLE teams RENAME TO squads;\n");
        Files.writeString(migrations.resolve("0003_players_rules.sql"), """
                PRAGMA foreign_keys = OFF;
                BEGIN;
                ALTER TABLE squads RENAME COLUMN name TO title;
                CREATE TABLE players_new (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES squads (id),
                  nick TEXT NOT NULL DEFAULT '', age INTEGER CHECK (age >= 0));
                INSERT INTO players_new SELECT id, team_id, coalesce(nick, ''), age FROM players;
                DROP TABLE players;
                ALTER TABLE players_new RENAME TO players;
                PRAGMA foreign_key_check;
                COMMIT;
                PRAGMA foreign_keys = ON;
                """);
        files().hash();

        ReviewResult r = withDb().review(dir.resolve("review.html"), false);

        assertThat(r.file()).isEqualTo(dir.resolve("review.html")).isRegularFile();
        assertThat(r.input().renames()).containsExactly(new Rename.TableRename("teams", "squads"),
                new Rename.ColumnRename("squads", "name", "title"));
        Migration rules = r.input().migrations().get(1);
        assertThat(rules.steps()).extracting(Step::description).containsExactly(
                "switch foreign key enforcement off for the migration (before its transaction, where SQLite honours it),"
                        + " so no ON DELETE action fires while tables are rebuilt",
                "start the migration's transaction: everything below commits together, or nothing does",
                "rename column squads.name to title",
                rules.steps().get(3).description(),
                "check every foreign key before commit: a row that breaks one rolls the migration back",
                "commit",
                "switch foreign key enforcement back on");
        Step rebuild = rules.steps().get(3);
        assertThat(rebuild.firstLine()).isEqualTo(4);
        assertThat(rebuild.lastLine()).isEqualTo(8);
        assertThat(rebuild.rebuilds()).singleElement().satisfies(b -> {
            assertThat(b.table()).isEqualTo("players");
            assertThat(b.reason()).isNotBlank().isNotEqualTo("the migration copies it into a new table and swaps the names");
        });
        assertThat(rebuild.description()).isEqualTo("rebuild players: " + rebuild.rebuilds().get(0).reason());
        assertThat(r.verdict().level()).as("a column renamed, a table renamed: nothing dropped")
                .isNotEqualTo(Verdict.Level.DESTRUCTIVE);
        // 0002, pending too, renames the table 0003 changes: the database's rows no longer tell, so, as in lint --db,
        // the rebuild is reported without counts
        assertThat(rules.findings()).filteredOn(f -> f.code().equals("rebuild")).singleElement()
                .satisfies(f -> assertThat(f.counts().rowsAffected()).isNull());
    }

    @Test
    void withoutADatabaseEveryMigrationStartsFromTheEmptySchemaAndNothingIsCounted() throws Exception {
        Files.writeString(migrations.resolve("0002_nick_required.sql"), "ALTER TABLE players ALTER COLUMN nick SET NOT NULL;\n");
        files().hash();

        ReviewResult r = files().review(dir.resolve("out/review.html"), false);

        assertThat(r.input().before().tables()).isEmpty();
        assertThat(r.input().migrations()).extracting(Migration::fileName).containsExactly("0001_teams.sql", "0002_nick_required.sql");
        Finding notNull = r.input().migrations().get(1).findings().stream().filter(f -> f.code().equals("not-null")).findFirst().orElseThrow();
        assertThat(notNull.severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(notNull.counts().rowsAffected()).isNull();

        ReviewResult counted = withDb().review(dir.resolve("counted.html"), false);
        Finding real = counted.input().migrations().get(0).findings().stream().filter(f -> f.code().equals("not-null")).findFirst().orElseThrow();
        assertThat(real.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(real.counts().rowsAffected()).isEqualTo(2L);
        assertThat(real.counts().sampleKeys()).containsExactly("id 2", "id 3");
        assertThat(counted.verdictLine()).startsWith("Verdict: Needs attention. 1 error: migrate refuses until it is fixed");
    }

    @Test
    void aRefusedReviewWritesNothing() throws Exception {
        Path out = dir.resolve("pages/review.html");
        assertThatThrownBy(() -> LiteShift.configure().migrations(dir.resolve("missing")).load().review(out, false))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("missing", "does not exist", "migrations(...)", "Nothing was written.");
                });
        assertThatThrownBy(() -> LiteShift.review(SchemaSource.parse(dir.resolve("nowhere.sql").toString()),
                SchemaSource.parse(db.toString()), out))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                        .contains("the schema before " + dir.resolve("nowhere.sql"), "does not exist", "Nothing was written."));
        assertThatThrownBy(() -> withDb().review(new ReviewOptions(out, true, null, null, true)))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                        .contains("ReviewOptions.rehearse rehearses the pending migrations, but a push plan is reviewed"));
        assertThatThrownBy(() -> withDb().review(new ReviewOptions(out, false, SchemaSource.parse(db.toString()), null, false)))
                .isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                        .contains("only one side was given: add the other (the to argument of LiteShift.review(from, to, out))"));
        assertThat(dir.resolve("pages")).as("not even the directory it would have made").doesNotExist();
        assertThat(List.of(dir.toFile().list())).containsExactlyInAnyOrder("migrations", "app.db");
    }
}
