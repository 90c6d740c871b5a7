package io.liteshift.cli;

import io.liteshift.lint.LintIssue;
import io.liteshift.lint.LintReport;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrationLint;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code liteshift review} on a real project ({@link ShopReviewProject}: a shop database with rows and two pending
 * migrations). The test reads the page the command wrote, as markup: the verdict, the changed tables in the diagram,
 * every finding of {@code lint --db} under its line with the numbers counted in the database, the steps, and the
 * rehearsal's figures. The database is only read, and a refused review writes nothing.
 */
class ReviewCommandTest extends InTemporaryWorkingDirectory {
    ShopReviewProject shop;
    Path migrations;
    Path db;

    @BeforeEach
    void shop() throws Exception {
        shop = ShopReviewProject.create(dir);
        migrations = shop.migrations();
        db = shop.db();
    }

    @Test
    void thePageOfThePendingMigrationsShowsTheVerdictTheChangedTablesAndEveryFindingAtItsLineWithTheRealCounts() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = Cli.run("review", "--db", db.toString(), "--out", "review.html");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path page = dir.resolve("review.html");
        assertThat(r.out()).isEqualTo("wrote " + page + "\nVerdict: Destructive. Drops table audit_log, with every row in it."
                + " (" + (ReviewPageMarkup.read(page).verdictReasons().size() - 1) + " more reasons on the page)\n");
        assertThat(Files.readAllBytes(db)).as("the database is only read").isEqualTo(before);
        assertThat(Files.readString(page)).as("the page names files, not this machine's paths").doesNotContain(dir.toString());

        ReviewPageMarkup html = ReviewPageMarkup.read(page);
        assertThat(html.title()).isEqualTo("Pending migrations of shop.db");
        assertThat(html.verdict()).startsWith("Verdict: Destructive");
        assertThat(html.verdictReasons()).contains("Drops table audit_log, with every row in it.")
                .anySatisfy(reason -> assertThat(reason).startsWith("Rebuilds table customers"));
        assertThat(html.changedTables()).containsEntry("customers", "rebuilt").containsEntry("audit_log", "dropped")
                .containsEntry("orders", "changed").doesNotContainKey("settings");
        assertThat(html.migrations()).containsExactly("0002_full_name_and_country.sql", "0003_orders_note.sql");

        // every finding lint --db makes, under its line, with the numbers it counted
        LintReport lint = MigrationLint.lint(MigrationDirectory.of(migrations), db, 0);
        assertThat(lint.issues()).isNotEmpty();
        List<ReviewPageMarkup.FindingRow> rows = html.findings();
        assertThat(rows).hasSize(lint.issues().size());
        for (LintIssue issue : lint.issues()) {
            String section = issue.file().startsWith("0002") ? "m1" : "m2";
            assertThat(rows).as(issue.toString()).anySatisfy(row -> {
                assertThat(row.section()).isEqualTo(section);
                assertThat(row.code()).isEqualTo(issue.code());
                assertThat(row.lineAbove()).isEqualTo(issue.line());
                // the free space of the volume, which other processes change between two reads, aside
                assertThat(withoutFreeSpace(row.text())).contains(withoutFreeSpace(issue.message()));
            });
        }
        String sql = shop.generatedSql();
        ReviewPageMarkup.FindingRow dropped = html.finding("m1", "drop-table");
        assertThat(dropped.lineAbove()).isEqualTo(lineOf(sql, "DROP TABLE audit_log"));
        assertThat(dropped.counts()).contains("rows affected: " + TestDb.count(db, "audit_log"));
        assertThat(dropped.destroysData()).isTrue();
        ReviewPageMarkup.FindingRow backfill = html.finding("m1", "backfill");
        assertThat(backfill.counts()).contains("rows affected: " + TestDb.queryLong(db, "SELECT count(*) FROM customers WHERE country IS NULL"));
        ReviewPageMarkup.FindingRow rebuild = html.finding("m1", "rebuild");
        assertThat(rebuild.counts()).contains("rows affected: " + TestDb.count(db, "customers"), "size: ", "estimated lock: ");
        ReviewPageMarkup.FindingRow delete = html.finding("m2", "delete-without-where");
        assertThat(delete.lineAbove()).isEqualTo(lineOf(ShopReviewProject.BY_HAND, "DELETE FROM settings"));
        assertThat(delete.destroysData()).isTrue();

        // what each step does, the rebuild with why
        assertThat(html.steps("m1")).anySatisfy(s -> assertThat(s).startsWith("rebuild customers: ").contains("country"))
                .anySatisfy(s -> assertThat(s).isEqualTo("drop table audit_log"));
        assertThat(html.steps("m2")).containsExactly("add column orders.note", "create index orders_by_customer on orders",
                "delete every row of settings");
    }

    @Test
    void withoutADatabaseEveryMigrationIsReviewedFromAnEmptySchema() throws Exception {
        Cli.Result r = Cli.run("review", "--out", "out/all.html");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("out/all.html"));
        assertThat(html.title()).isEqualTo("Migrations of migrations");
        assertThat(html.migrations()).containsExactly("0001_init.sql", "0002_full_name_and_country.sql", "0003_orders_note.sql");
        // from nothing, every table of the last schema is new
        assertThat(html.changedTables()).containsOnly(Map.entry("customers", "added"), Map.entry("orders", "added"),
                Map.entry("settings", "added"));
        assertThat(html.findings()).allSatisfy(f -> assertThat(f.counts()).doesNotContain("rows affected"));
    }

    @Test
    void rehearsedTheMigrationsShowTheirTimesAndSizesAndTheDatabaseStaysAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = Cli.run("review", "--db", db.toString(), "--rehearse");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("review.html"));
        Map<String, List<String>> rehearsals = html.rehearsals();
        assertThat(rehearsals).containsOnlyKeys("m1", "m2");
        // the generated migration copies every customer into the rebuilt table; the hand-written one deletes the settings
        assertThat(Long.parseLong(rehearsals.get("m1").get(1).replace(",", ""))).isGreaterThanOrEqualTo(TestDb.count(db, "customers"));
        assertThat(rehearsals.get("m2").get(1)).isEqualTo(String.valueOf(TestDb.count(db, "settings")));
        assertThat(html.figure("Rehearsal")).matches(".+, .+ to .+");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(TestDb.count(db, "audit_log")).isEqualTo(25);
    }

    @Test
    void aMigrationThatFailsOnTheRowsOfTheCopyIsAnErrorOnItsPageAndTheDatabaseStaysAsItWas() throws Exception {
        // runs on the replay (no rows there) and passes lint, but the copy has a customer 1 already
        Files.writeString(migrations.resolve("0004_house_account.sql"),
                "INSERT INTO customers (id, full_name, email) VALUES (1, 'House', 'house@example.com');\n");
        assertThat(Cli.run("hash").exitCode()).isZero();
        byte[] before = Files.readAllBytes(db);

        Cli.Result r = Cli.run("review", "--db", db.toString(), "--rehearse");

        assertThat(r.exitCode()).as("the page is written: " + r).isZero();
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("review.html"));
        ReviewPageMarkup.FindingRow failed = html.finding("m3", "rehearsal");
        assertThat(failed.text()).contains("error", "the rehearsal on a copy of the database failed here", "UNIQUE constraint failed");
        assertThat(html.verdictReasons()).anySatisfy(reason -> assertThat(reason).contains("0004_house_account.sql [rehearsal]"));
        assertThat(html.rehearsals()).as("the migrations before it were rehearsed").containsKeys("m1", "m2");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void withNothingPendingThePageSaysSoAndIsSafe() throws Exception {
        Cli.Result migrated = Cli.run("migrate", "--db", db.toString());
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();

        Cli.Result r = Cli.run("review", "--db", db.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith("Verdict: Safe. Nothing changes: the two schemas are the same.\n");
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("review.html"));
        assertThat(html.context()).isEqualTo("Nothing is pending: shop.db is at the newest migration of migrations.");
        assertThat(html.migrations()).isEmpty();
        assertThat(html.changedTables()).isEmpty();
    }

    @Test
    void twoSchemasAreComparedAsThePlanDiffPrintsCountedOnTheDatabaseSide() throws Exception {
        Cli.Result r = Cli.run("review", "--from", "shop.db", "--to", "schema.sql", "--out", "diff.html");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("diff.html"));
        assertThat(html.title()).isEqualTo("Schema change from shop.db to schema.sql");
        assertThat(html.migrations()).containsExactly("diff.sql");
        assertThat(html.changedTables()).containsEntry("customers", "rebuilt").containsEntry("audit_log", "dropped");
        assertThat(html.finding("m1", "drop-table").counts()).contains("rows affected: 25");

        Cli.Result dirs = Cli.run("review", "--from", "migrations", "--to", "schema.sql", "--out", "same.html");
        assertThat(dirs.exitCode()).as(dirs.toString()).isZero();
        ReviewPageMarkup same = ReviewPageMarkup.read(dir.resolve("same.html"));
        // the hand-written migration added orders.note, which schema.sql does not declare: going there drops it
        assertThat(same.changedTables()).containsOnly(Map.entry("orders", "changed"));
        assertThat(same.verdict()).startsWith("Verdict: Destructive").contains("Drops column orders.note");
        assertThat(same.finding("m1", "drop-column").counts()).as("no database, no rows counted").doesNotContain("rows affected");
    }

    @Test
    void aPushPlanIsReviewedAgainstTheDatabase() throws Exception {
        Cli.Result r = Cli.run("review", "--db", db.toString(), "--schema", "schema.sql");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Verdict: Destructive.");
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("review.html"));
        assertThat(html.title()).isEqualTo("Push of schema.sql to shop.db");
        assertThat(html.migrations()).containsExactly("push.sql");
        assertThat(html.finding("m1", "backfill").counts())
                .contains("rows affected: " + TestDb.queryLong(db, "SELECT count(*) FROM customers WHERE country IS NULL"));
    }

    @Test
    void aSchemaOf120TablesShowsTheTwoChangedOnesInFullAndTheRestCollapsed() throws Exception {
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            before.append("CREATE TABLE t").append(i).append(" (id INTEGER PRIMARY KEY, name TEXT NOT NULL")
                    .append(i > 0 ? ", parent_id INTEGER REFERENCES t" + (i / 3) + " (id)" : "").append(");\n");
        }
        String after = before.toString().replace("CREATE TABLE t7 (id INTEGER PRIMARY KEY, name TEXT NOT NULL",
                "CREATE TABLE t7 (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT") + "CREATE TABLE t120 (id INTEGER PRIMARY KEY);\n";
        Files.writeString(dir.resolve("before.sql"), before);
        Files.writeString(dir.resolve("after.sql"), after);

        Cli.Result r = Cli.run("review", "--from", "before.sql", "--to", "after.sql", "--out", "wide.html");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        ReviewPageMarkup html = ReviewPageMarkup.read(dir.resolve("wide.html"));
        assertThat(html.changedTables()).containsOnly(Map.entry("t7", "changed"), Map.entry("t120", "added"));
        List<ReviewPageMarkup.Box> changes = html.boxes("erd-changes");
        assertThat(changes).as("the changed tables in full, their neighbours by name, one block for the rest").hasSizeLessThan(10)
                .anySatisfy(b -> assertThat(b.table()).isEmpty());
        assertThat(changes).filteredOn(b -> b.table().equals("t7") || b.table().equals("t120")).noneMatch(ReviewPageMarkup.Box::collapsed);
        List<ReviewPageMarkup.Box> all = html.boxes("erd-all");
        assertThat(all).hasSize(121);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j))).as("%s and %s overlap", all.get(i), all.get(j)).isFalse();
            }
        }
    }

    @Test
    void aRefusedReviewNamesWhatIsWrongAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("review.html"), "the page of yesterday");
        List<String> filesBefore = files();

        Cli.Result missing = Cli.run("review", "--from", "nowhere.db", "--to", "schema.sql");
        assertThat(missing.exitCode()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains(dir.resolve("nowhere.db").toString(), "--from", "does not exist", "Nothing was written.");

        Cli.Result half = Cli.run("review", "--to", "schema.sql");
        assertThat(half.exitCode()).isEqualTo(Main.USAGE);
        assertThat(half.err()).contains("only one side was given: add the other (--from)", "Nothing was written.");

        Cli.Result rehearseTwo = Cli.run("review", "--from", "shop.db", "--to", "schema.sql", "--rehearse");
        assertThat(rehearseTwo.exitCode()).isEqualTo(Main.USAGE);
        assertThat(rehearseTwo.err()).contains("--rehearse rehearses the pending migrations, but two schemas are compared");

        Cli.Result rehearsePush = Cli.run("review", "--db", db.toString(), "--schema", "schema.sql", "--rehearse");
        assertThat(rehearsePush.exitCode()).isEqualTo(Main.USAGE);
        assertThat(rehearsePush.err()).contains("a push plan is reviewed");

        Cli.Result pushWithout = Cli.run("review", "--schema", "schema.sql");
        assertThat(pushWithout.exitCode()).isEqualTo(Main.USAGE);
        assertThat(pushWithout.err()).contains("a push plan is reviewed against the database, and none was given", "--db");

        Cli.Result noDb = Cli.run("review", "--db", "missing.db");
        assertThat(noDb.exitCode()).isEqualTo(Main.USAGE);
        assertThat(noDb.err()).contains(dir.resolve("missing.db").toString(), "does not exist", "--db");

        Cli.Result rehearseWithout = Cli.run("review", "--rehearse");
        assertThat(rehearseWithout.exitCode()).isEqualTo(Main.USAGE);
        assertThat(rehearseWithout.err()).contains("a rehearsal needs the database file", "--db");

        Cli.Result toDirectory = Cli.run("review", "--db", db.toString(), "--out", "migrations");
        assertThat(toDirectory.exitCode()).isEqualTo(Main.USAGE);
        assertThat(toDirectory.err()).contains("is a directory", "--out FILE");

        assertThat(files()).as("no page, no temporary file").isEqualTo(filesBefore);
        assertThat(Files.readString(dir.resolve("review.html"))).isEqualTo("the page of yesterday");
    }

    @Test
    void thePageReplacesAnOlderOneWhole() throws Exception {
        Files.writeString(dir.resolve("review.html"), "the page of yesterday");
        Cli.Result r = Cli.run("review", "--db", db.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("review.html"))).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(files()).noneMatch(f -> f.endsWith(".tmp"));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String withoutFreeSpace(String text) {
        return text.replaceAll("\\([0-9,.]+ MB free\\)", "(free space)");
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle + " is not in\n" + text);
    }
}
