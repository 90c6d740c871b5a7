package io.liteshift.dsl;

import io.liteshift.diff.Differ;
import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.sql.Identifiers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schemas declared twice, once with the DSL and once as the schema.sql a person would write (every name
 * quoted, constraints inline, keywords in lower case at random, rename hints as comments): both go through the
 * one inspection path and must give the same model and the same rename hints.
 */
class JavaSchemaPropertyTest {
    private static final List<String> TYPES = List.of("", "INTEGER", "INT", "TEXT", "REAL", "BLOB", "ANY", "NUMERIC", "VARCHAR(20)");
    private static final List<String> STRICT_TYPES = List.of("INTEGER", "INT", "TEXT", "REAL", "BLOB", "ANY");

    /** A default: a Java literal for defaultValue(...), or SQL for defaultExpression(...). */
    record Default(Object literal, String sql) {
        String text() {
            if (sql != null) return sql;
            return literal instanceof String s ? Identifiers.literal(s) : String.valueOf(literal);
        }
    }

    record ColumnSpec(String name, int type, boolean notNull, Default dflt, String collation, boolean unique, boolean check,
                      boolean renamed) {
    }

    /** pk: 0 none, 1 the first column, 2 the first two columns, 3 the first column AUTOINCREMENT. */
    record TableSpec(String name, List<ColumnSpec> columns, int pk, boolean withoutRowid, boolean strict, boolean renamed,
                     boolean child, int index) {

        String type(int i) {
            if (pk == 3 && i == 0) return "INTEGER";
            int t = columns.get(i).type();
            return strict ? STRICT_TYPES.get(t % STRICT_TYPES.size()) : TYPES.get(t % TYPES.size());
        }

        int pkColumns() {
            return pk == 2 && columns.size() < 2 ? 1 : pk == 0 ? 0 : pk == 2 ? 2 : 1;
        }

        boolean rowidless() {
            return withoutRowid && pk != 3 && pkColumns() > 0;
        }

        /** The column a child table's foreign key can reference alone: a single-column primary key. */
        boolean singleKey() {
            return pkColumns() == 1;
        }
    }

    record SchemaSpec(List<TableSpec> tables, long lowerCaseSeed) {
    }

    @Provide
    Arbitrary<SchemaSpec> schemas() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("id", "a", "Name", "select", "my col", "é", "order", "Key", "p0", "x\"y"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        Arbitrary<Default> defaults = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 5).map(i -> new Default(i, null)),
                Arbitraries.of("x", "it's", "").map(s -> new Default(s, null)),
                Arbitraries.of("CURRENT_TIMESTAMP", "+2.5", "NULL", "(1 + 1)").map(s -> new Default(null, s))).injectNull(0.5);
        Arbitrary<ColumnSpec> column = Combinators.combine(names, Arbitraries.integers().between(0, 8), Arbitraries.of(true, false),
                defaults, Arbitraries.of("NOCASE", "RTRIM").injectNull(0.6), Arbitraries.integers().between(0, 9).map(i -> i < 2),
                Arbitraries.integers().between(0, 9).map(i -> i < 2), Arbitraries.integers().between(0, 9).map(i -> i < 2))
                .as(ColumnSpec::new);
        Arbitrary<TableSpec> table = Combinators.combine(names,
                column.list().ofMinSize(1).ofMaxSize(5).uniqueElements(c -> Identifiers.fold(c.name())),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9).map(i -> i < 3), Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
                .as(TableSpec::new);
        return Combinators.combine(table.list().ofMinSize(1).ofMaxSize(4).uniqueElements(t -> Identifiers.fold(t.name())),
                Arbitraries.longs()).as(SchemaSpec::new);
    }

    @Property(tries = 120)
    void the_dsl_and_the_equivalent_schema_sql_give_the_same_model(@ForAll("schemas") SchemaSpec spec) {
        DeclaredSchema dsl = dsl(spec).declared();
        DeclaredSchema sql = DeclaredSchema.ofSql(sql(spec));
        assertThat(Models.withoutText(dsl.schema())).isEqualTo(Models.withoutText(sql.schema()));
        assertThat(Differ.diff(sql.schema(), dsl.schema())).isEmpty();
        assertThat(dsl.hints()).isEqualTo(sql.hints());
    }

    /** The table an earlier single-key table a child references, or null. */
    private static TableSpec parentOf(List<TableSpec> tables, int i) {
        if (!tables.get(i).child()) return null;
        for (int p = i - 1; p >= 0; p--) if (tables.get(p).singleKey()) return tables.get(p);
        return null;
    }

    private static String check(ColumnSpec c) {
        return Identifiers.forceQuote(c.name()) + " IS NOT 'forbidden'";
    }

    private static JavaSchema dsl(SchemaSpec spec) {
        return JavaSchema.define(s -> {
            for (int ti = 0; ti < spec.tables().size(); ti++) {
                TableSpec t = spec.tables().get(ti);
                TableSpec parent = parentOf(spec.tables(), ti);
                s.table(t.name(), b -> {
                    for (int i = 0; i < t.columns().size(); i++) {
                        ColumnSpec c = t.columns().get(i);
                        ColumnBuilder col = b.column(c.name(), t.type(i));
                        if (c.notNull()) col.notNull();
                        if (c.dflt() != null) {
                            if (c.dflt().sql() != null) col.defaultExpression(c.dflt().sql());
                            else col.defaultValue(c.dflt().literal());
                        }
                        if (c.collation() != null) col.collate(c.collation());
                        if (i == 0 && t.pk() == 3) col.autoincrement();
                        else if (i == 0 && t.pkColumns() == 1) col.primaryKey();
                        if (c.unique()) col.unique();
                        if (c.check()) col.check(check(c));
                        if (c.renamed()) col.renamedFrom("was_" + c.name());
                    }
                    if (parent != null) {
                        b.column("fk_ref", "INTEGER").references(parent.name(), parent.columns().get(0).name()).onDelete(Action.CASCADE);
                    }
                    if (t.pkColumns() == 2) b.primaryKey(t.columns().get(0).name(), t.columns().get(1).name());
                    if (t.rowidless()) b.withoutRowid();
                    if (t.strict()) b.strict();
                    if (t.renamed()) b.renamedFrom("old_" + t.name());
                    String first = t.columns().get(0).name();
                    switch (t.index()) {
                        case 1 -> b.index("ix_" + t.name()).column(first).desc();
                        case 2 -> b.uniqueIndex("ix_" + t.name()).column(first).collate("NOCASE").where(Identifiers.forceQuote(first) + " IS NOT NULL");
                        case 3 -> b.index("ix_" + t.name()).expression("coalesce(" + Identifiers.forceQuote(first) + ", 0)");
                        default -> { }
                    }
                });
            }
        });
    }

    private static String sql(SchemaSpec spec) {
        Random random = new Random(spec.lowerCaseSeed());
        StringBuilder out = new StringBuilder();
        for (int ti = 0; ti < spec.tables().size(); ti++) {
            TableSpec t = spec.tables().get(ti);
            TableSpec parent = parentOf(spec.tables(), ti);
            List<String> lines = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                ColumnSpec c = t.columns().get(i);
                StringBuilder sb = new StringBuilder(Identifiers.forceQuote(c.name()));
                if (!t.type(i).isEmpty()) sb.append(' ').append(t.type(i));
                if (c.notNull()) sb.append(kw(random, " NOT NULL"));
                if (c.dflt() != null) {
                    String d = c.dflt().text();
                    boolean bare = c.dflt().literal() != null || !d.startsWith("(") && !d.contains(" ");
                    sb.append(kw(random, " DEFAULT ")).append(bare ? d : d.startsWith("(") ? d : "(" + d + ")");
                }
                if (c.collation() != null) sb.append(kw(random, " COLLATE ")).append(c.collation());
                if (i == 0 && t.pk() == 3) sb.append(kw(random, " PRIMARY KEY AUTOINCREMENT"));
                else if (i == 0 && t.pkColumns() == 1) sb.append(kw(random, " PRIMARY KEY"));
                if (c.unique()) sb.append(kw(random, " UNIQUE"));
                if (c.check()) sb.append(kw(random, " CHECK (")).append(check(c)).append(')');
                lines.add(sb.toString());
                comments.add(c.renamed() ? "-- @renamed from=" + Identifiers.forceQuote("was_" + c.name()) : null);
            }
            if (parent != null) {
                lines.add("fk_ref INTEGER" + kw(random, " REFERENCES ") + Identifiers.forceQuote(parent.name()) + " ("
                        + Identifiers.forceQuote(parent.columns().get(0).name()) + ")" + kw(random, " ON DELETE CASCADE"));
                comments.add(null);
            }
            if (t.pkColumns() == 2) {
                lines.add(kw(random, "PRIMARY KEY (") + Identifiers.forceQuote(t.columns().get(0).name()) + ", "
                        + Identifiers.forceQuote(t.columns().get(1).name()) + ")");
                comments.add(null);
            }
            if (t.renamed()) out.append("-- @renamed from=").append(Identifiers.forceQuote("old_" + t.name())).append('\n');
            out.append(kw(random, "CREATE TABLE ")).append(Identifiers.forceQuote(t.name())).append(" (\n");
            for (int i = 0; i < lines.size(); i++) {
                out.append("    ").append(lines.get(i)).append(i < lines.size() - 1 ? "," : "");
                if (comments.get(i) != null) out.append(' ').append(comments.get(i));
                out.append('\n');
            }
            List<String> options = new ArrayList<>();
            if (t.rowidless()) options.add(kw(random, "WITHOUT ROWID"));
            if (t.strict()) options.add(kw(random, "STRICT"));
            out.append(')').append(options.isEmpty() ? "" : " " + String.join(", ", options)).append(";\n");
            String first = Identifiers.forceQuote(t.columns().get(0).name());
            String index = Identifiers.forceQuote("ix_" + t.name()) + kw(random, " ON ") + Identifiers.forceQuote(t.name());
            switch (t.index()) {
                case 1 -> out.append(kw(random, "CREATE INDEX ")).append(index).append(" (").append(first).append(kw(random, " DESC);\n"));
                case 2 -> out.append(kw(random, "CREATE UNIQUE INDEX ")).append(index).append(" (").append(first)
                        .append(kw(random, " COLLATE ")).append("NOCASE)").append(kw(random, " WHERE ")).append(first).append(" IS NOT NULL;\n");
                case 3 -> out.append(kw(random, "CREATE INDEX ")).append(index).append(" (coalesce(").append(first).append(", 0));\n");
                default -> { }
            }
        }
        return out.toString();
    }

    /** Keywords in upper or lower case: SQLite does not care, and neither may the comparison. */
    private static String kw(Random random, String keywords) {
        return random.nextBoolean() ? keywords : keywords.toLowerCase(Locale.ROOT);
    }
}
