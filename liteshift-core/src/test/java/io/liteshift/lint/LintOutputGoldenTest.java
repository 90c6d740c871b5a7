package io.liteshift.lint;

import io.liteshift.Fix;
import io.liteshift.Golden;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.PushResult;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.report.LintFormat;
import io.liteshift.report.LintPlace;
import io.liteshift.report.ReportOutput;
import io.liteshift.report.Reports;
import io.liteshift.report.SarifSchema;
import io.liteshift.migrate.MigrationLint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Whole outputs, in order, of changes that give many findings at once: a generated migration's header, lint of it
 * without and with the rows, a hand-written file with several statements on one line, and push's refusal and dry
 * run. The order of findings about one line, one table or one change is pinned here, so that a change of the rules'
 * shape that reorders them shows in a diff ({@code -Dliteshift.updateGolden=true} rewrites the files).
 */
class LintOutputGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-lint");

    private static final String BASE = """
            CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, nick TEXT, age TEXT, team_id INTEGER, legacy TEXT);
            CREATE TABLE old_log (id INTEGER PRIMARY KEY, line TEXT);
            CREATE TABLE empty_one (id INTEGER);
            CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT, body TEXT);
            """;
    /** Rows that break every rule of {@link #DECLARED}: NULL emails, shared nicks, ages that are text or negative, orphans. */
    private static final String ROWS = """
            INSERT INTO teams VALUES (1, 'a'), (2, 'b');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
            INSERT INTO users SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'u' || i || '@x' END, 'n' || (i % 15),
              CASE WHEN i % 9 = 0 THEN '0' || i WHEN i % 11 = 0 THEN '-' || i ELSE i END, i % 4, 'l' || i FROM n;
            INSERT INTO old_log (line) VALUES ('a'), ('b'), ('c');
            INSERT INTO events VALUES (1, '007', NULL), (2, '7', 'x'), (3, '12', NULL), (4, '12', 'y'), (5, 'abc', NULL);
            """;
    private static final String DECLARED = """
            CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT);
            -- @renamed from=users
            CREATE TABLE members (
              id      INTEGER PRIMARY KEY,
              email   TEXT NOT NULL,
              handle  TEXT UNIQUE,  -- @renamed from=nick
              age     INTEGER CHECK (age >= 0),
              team_id INTEGER REFERENCES teams (id)
            );
            CREATE TABLE events (id INTEGER PRIMARY KEY, code INTEGER, body TEXT NOT NULL DEFAULT 'none');
            CREATE UNIQUE INDEX events_code ON events (code);
            """;

    @TempDir
    Path root;
    Path migrations;
    Path db;
    Path schema;

    @BeforeEach
    void setUp() throws Exception {
        migrations = Files.createDirectories(root.resolve("migrations"));
        db = root.resolve("app.db");
        schema = root.resolve("schema.sql");
        Files.writeString(migrations.resolve("0001_base.sql"), BASE);
        LiteShift.configure().migrations(migrations).load().hash();
        LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String part : ROWS.split(";\\s*\\n")) if (!part.isBlank()) s.execute(part);
        }
        Files.writeString(schema, DECLARED);
    }

    @Test
    void aGeneratedMigrationWithManyFindings() throws Exception {
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).load();
        String header = app.generate("many").sql().lines().filter(l -> l.startsWith("--   - ")).collect(Collectors.joining("\n", "", "\n"));
        Golden.check(GOLDEN.resolve("generated-header.txt"), header);
        Golden.check(GOLDEN.resolve("generated-without-rows.txt"), lines(MigrationLint.lint(MigrationDirectory.of(migrations), null, 2)));
        Golden.check(GOLDEN.resolve("generated-with-rows.txt"), withRows());
    }

    /** The same migration generated with --online: its rebuild findings speak of chunks, not of one long lock. */
    @Test
    void aGeneratedOnlineMigrationWithManyFindings() throws Exception {
        LiteShift app = LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).load();
        String header = app.generate("many", true).sql().lines().filter(l -> l.startsWith("--   - ")).collect(Collectors.joining("\n", "", "\n"));
        Golden.check(GOLDEN.resolve("generated-online-header.txt"), header);
        Golden.check(GOLDEN.resolve("generated-online-with-rows.txt"), withRows());
    }

    /** Statements and schema changes on the same lines; then a file that does not run, whose statements still speak. */
    @Test
    void statementsThatShareALine() throws Exception {
        Files.writeString(migrations.resolve("0002_by_hand.sql"), """
                BEGIN; PRAGMA foreign_keys = ON; UPDATE users SET age = 1; DELETE FROM old_log; ALTER TABLE users DROP COLUMN legacy;
                DELETE FROM events; UPDATE users SET nick = NULL WHERE id = 1; DROP TABLE empty_one; DROP TABLE old_log;
                ALTER TABLE users RENAME COLUMN nick TO handle; CREATE UNIQUE INDEX users_handle ON users (handle); COMMIT;
                """);
        Files.writeString(migrations.resolve("0003_cannot_run.sql"), "UPDATE teams SET name = 'c'; VACUUM; DELETE FROM teams;"
                + " ATTACH ':memory:' AS x;\n");
        assertThatThrownBy(() -> LiteShift.configure().migrations(migrations).load().hash()).hasMessageContaining("0003_cannot_run.sql");
        Golden.check(GOLDEN.resolve("by-hand-without-rows.txt"), lines(MigrationLint.lint(MigrationDirectory.of(migrations), null, 2)));
        Golden.check(GOLDEN.resolve("by-hand-with-rows.txt"), withRows());
    }

    /**
     * The findings of both migrations above (a generated one against the rows, a hand-written one that does not run)
     * as GitHub workflow commands and as a SARIF log, which must validate against the published SARIF schema.
     */
    @Test
    void theSameFindingsForGitHubAndCodeScanning() throws Exception {
        LiteShift.configure().database(db.toString()).migrations(migrations).schema(schema).load().generate("many");
        Files.writeString(migrations.resolve("0003_by_hand.sql"), """
                -- a hand-written step after the generated one: statements that are unsafe whatever the rows hold
                UPDATE members SET age = 1;
                DELETE FROM events; VACUUM;
                """);
        LintReport r;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            r = MigrationLint.lint(MigrationDirectory.of(migrations), c, null, 0);
        }
        assertThat(r.issues()).hasSizeGreaterThan(10).extracting(LintIssue::file).contains("0002_many.sql", "0003_by_hand.sql");
        // the version is the test's own: the files stay the same from release to release
        LintPlace place = LintPlace.of(migrations, root, "0.1.0", Fix.FrontEnd.COMMAND_LINE);
        String github = formatted(r, LintFormat.GITHUB, place);
        Golden.check(GOLDEN.resolve("github.txt"), github);
        assertThat(github.lines().filter(l -> l.startsWith("::"))).hasSize(r.issues().size());
        String sarif = formatted(r, LintFormat.SARIF, place);
        Golden.check(GOLDEN.resolve("sarif.json"), sarif);
        assertThat(SarifSchema.violations(sarif)).isEmpty();
    }

    private String formatted(LintReport r, LintFormat format, LintPlace place) {
        StringBuilder b = new StringBuilder();
        Reports.lint(r, format, place, new ReportOutput() {
            public void line(String text) {
                b.append(text).append('\n');
            }

            public void warning(String text) {
                throw new AssertionError("lint warns nothing: " + text);
            }

            public Fix.FrontEnd frontEnd() {
                return Fix.FrontEnd.COMMAND_LINE;
            }
        });
        return b.toString().replace(root + "/", "");
    }

    @Test
    void pushRefusesListingEveryViolation() throws Exception {
        byte[] before = Files.readAllBytes(db);
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class,
                () -> LiteShift.push(db.toString(), schema, PushOptions.defaults().allowingDestructive()));
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_DATA);
        Golden.check(GOLDEN.resolve("push-refused.txt"), e.getMessage().replace(db.toString(), "app.db")
                .replace(schema.toString(), "schema.sql") + "\n");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(root.resolve("app.db-journal")).doesNotExist();
    }

    @Test
    void pushDryRunListsWhatItDestroysAndFills() throws Exception {
        Files.writeString(schema, """
                CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'none');
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'none', nick TEXT, age TEXT, team_id INTEGER);
                CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT, body TEXT NOT NULL DEFAULT 'none');
                """);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE teams SET name = NULL WHERE id = 2");
        }
        PushResult r = LiteShift.push(db.toString(), schema, PushOptions.defaults().dryRunOnly());
        assertThat(r.applied()).isFalse();
        Golden.check(GOLDEN.resolve("push-dry-run.txt"), r.findings().all().stream().map(f -> f.severity() + " [" + f.code() + "] " + f.messageAndFix())
                .collect(Collectors.joining("\n", "", "\n")));
    }

    /** Lint against the rows, through a connection without a file: no free-space figure of this machine's disk. */
    private String withRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return lines(MigrationLint.lint(MigrationDirectory.of(migrations), c, null, 0));
        }
    }

    /**
     * One finding a line (a replay's failure names the migration by its path: by its name here). Each finding keeps to
     * what its code says: never above its highest severity, and a code the rows decide is no error without them.
     */
    private String lines(LintReport r) {
        for (LintIssue i : r.issues()) {
            // in declaration order, ERROR first: a later severity is a milder one
            assertThat(i.severity()).as(i.toString()).isGreaterThanOrEqualTo(i.lintCode().highestSeverity());
            if (r.database() == null && i.lintCode().dataDependent()) assertThat(i.severity()).as(i.toString()).isNotEqualTo(Severity.ERROR);
        }
        return r.issues().stream().map(i -> i.toString().replace(migrations + "/", "")).collect(Collectors.joining("\n", "", "\n"));
    }
}
