package io.liteshift.hints;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.testing.TestDb;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A table rendered in the layouts people and tools write (one column per line, leading commas, the {@code .schema}
 * form whose last line ends with {@code );}, another statement after it on the same line, comments between tokens,
 * CRLF), with a rename hint on the renamed column's line: a {@code --yes} push keeps that column's values under the
 * new name. With an old name that exists nowhere the push is refused at the hint's line, the file byte-identical.
 */
class HintLayoutPropertyTest {

    enum Commas { TRAILING, LEADING }

    enum HintStyle { LINE, BLOCK, QUOTED }

    /**
     * @param columns  the table's columns besides id (at least one)
     * @param renamed  which of them is renamed
     * @param shell    the last column's line ends with {@code );} as {@code sqlite3 .schema} prints it
     * @param trailing a statement after the table on its last line (only with {@code shell})
     * @param decorate comments between the tokens of the lines
     * @param typo     the hint names an old column that does not exist
     */
    record Layout(int columns, int renamed, Commas commas, boolean shell, boolean trailing, boolean decorate, HintStyle hint,
                  boolean crlf, boolean tableBelow, boolean typo, long seed) {
        @Override
        public String toString() {
            return render().text;
        }

        record Rendered(String text, int hintLine) {
        }

        String column(int i, boolean declared) {
            return i == renamed ? (declared ? "new_name" : "old_name") : "c" + i;
        }

        Rendered render() {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            lines.add("-- the users of the app");
            lines.add("CREATE TABLE " + (decorate ? "/* t */ " : "") + "t (");
            lines.add("  id INTEGER PRIMARY KEY" + (commas == Commas.TRAILING && !(shell && columns == 1) ? "," : ""));
            int hintLine = -1;
            for (int i = 0; i < columns; i++) {
                boolean last = i == columns - 1;
                String name = column(i, true);
                String type = decorate && random.nextBoolean() ? "/**/ TEXT" : "TEXT";
                String def = (commas == Commas.LEADING || (shell && last) ? ", " : "  ") + name + " " + type;
                // the .schema form: the column before the last ends its line bare, the last one starts with ", "
                if (commas == Commas.TRAILING && !last && !(shell && i == columns - 2)) def += ",";
                if (last && shell) def += ");" + (trailing ? " CREATE INDEX t_c ON t (" + name + ");" : "");
                if (i == renamed) {
                    def += " " + hintComment();
                    hintLine = lines.size() + 1;
                } else if (decorate && random.nextBoolean()) {
                    def += " -- a note";
                }
                lines.add(def);
            }
            if (!shell) lines.add(");");
            if (tableBelow) lines.add("CREATE TABLE other (id INTEGER PRIMARY KEY);");
            return new Rendered(String.join(crlf ? "\r\n" : "\n", lines) + (crlf ? "\r\n" : "\n"), hintLine);
        }

        private String hintComment() {
            String old = typo ? "old_nmae" : "old_name";
            return switch (hint) {
                case LINE -> "-- @renamed from=" + old;
                case BLOCK -> "/* @renamed from=" + old + " */";
                case QUOTED -> "-- @renamed from=\"" + old + "\" (kept its values)";
            };
        }
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> Builders.withBuilder(() -> new Object[11])
                .use(Arbitraries.integers().between(0, n - 1)).in((a, v) -> set(a, 0, v))
                .use(Arbitraries.of(Commas.class)).in((a, v) -> set(a, 1, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 2, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 3, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 4, v))
                .use(Arbitraries.of(HintStyle.class)).in((a, v) -> set(a, 5, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 6, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 7, v))
                .use(Arbitraries.integers().between(0, 4).map(i -> i == 0)).in((a, v) -> set(a, 8, v))
                .use(Arbitraries.longs()).in((a, v) -> set(a, 9, v))
                .build(a -> new Layout(n, (int) a[0], (Commas) a[1], (boolean) a[2], (boolean) a[2] && (boolean) a[3], (boolean) a[4],
                        (HintStyle) a[5], (boolean) a[6], (boolean) a[7], (boolean) a[8], (long) a[9])));
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @Property(tries = 150)
    void theRenamedColumnKeepsItsValuesOrTheHintIsRefusedAtItsLine(@ForAll("layouts") Layout layout) throws Exception {
        Path dir = Files.createTempDirectory("liteshift-hints");
        try {
            Path db = dir.resolve("app.db");
            populate(db, layout);
            List<String> oldValues = TestDb.column(db, "SELECT old_name FROM t ORDER BY id");
            Layout.Rendered rendered = layout.render();
            Path schema = Files.writeString(dir.resolve("schema.sql"), rendered.text());
            PushOptions yes = PushOptions.defaults().allowingDestructive();
            if (layout.typo()) {
                DirectoryState before = DirectoryState.of(dir);
                LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> LiteShift.push(db.toString(), schema, yes));
                assertThat(e).as("an unusable hint must be refused").isNotNull();
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
                assertThat(e.getMessage()).startsWith(schema + ":" + rendered.hintLine() + ": the rename hint ")
                        .contains("a rename of column t.new_name from old_nmae");
                assertThat(DirectoryState.of(dir)).isEqualTo(before);
                Statistics.collect("refused");
                return;
            }
            LiteShift.push(db.toString(), schema, yes);
            assertThat(TestDb.column(db, "SELECT new_name FROM t ORDER BY id")).isEqualTo(oldValues);
            assertThat(TestDb.column(db, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(LiteShift.push(db.toString(), schema, yes).plan().isEmpty()).as("pushed twice: nothing to do").isTrue();
            Statistics.collect("renamed");
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /** The table as it was before the rename, the renamed column added by ADD COLUMN when it is the last one. */
    private static void populate(Path db, Layout layout) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            boolean addedLater = layout.renamed() == layout.columns() - 1;
            StringBuilder create = new StringBuilder("CREATE TABLE t (\n  id INTEGER PRIMARY KEY");
            for (int i = 0; i < layout.columns(); i++) {
                if (!(addedLater && i == layout.renamed())) create.append(",\n  ").append(layout.column(i, false)).append(" TEXT");
            }
            s.execute(create.append("\n)").toString());
            if (addedLater) s.execute("ALTER TABLE t ADD COLUMN old_name TEXT");
            if (layout.tableBelow()) s.execute("CREATE TABLE other (id INTEGER PRIMARY KEY)");
            for (int row = 1; row <= 4; row++) {
                StringBuilder insert = new StringBuilder("INSERT INTO t (id");
                StringBuilder values = new StringBuilder(") VALUES (" + row);
                for (int i = 0; i < layout.columns(); i++) {
                    insert.append(", ").append(layout.column(i, false));
                    values.append(row == 3 ? ", NULL" : ", 'v" + i + "_" + row + "'");
                }
                s.execute(insert.append(values).append(")").toString());
            }
        }
    }
}
