package io.liteshift.plan;

import io.liteshift.diff.Change;
import io.liteshift.sql.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that takes a database from its current schema to the declared one. Applied as a whole, in one
 * transaction, with foreign key enforcement off (set before the transaction, where it takes effect) so that no
 * ON DELETE action fires while tables are rebuilt, and with a foreign key check before commit.
 */
public record Plan(List<Change> changes, List<Step> steps, List<TableMapping> mappings) {

    public Plan {
        changes = List.copyOf(changes);
        steps = List.copyOf(steps);
        mappings = List.copyOf(mappings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<TableMapping> rebuilds() {
        return mappings.stream().filter(TableMapping::rebuilt).toList();
    }

    /** The plan as a script that the sqlite3 shell (or liteshift's migrator) can run as it is. */
    public String toSql() {
        if (isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        sb.append("-- liteshift plan: ").append(changes.size()).append(changes.size() == 1 ? " change" : " changes").append('\n');
        for (Change c : changes) sb.append("--   ").append(c.describe()).append('\n');
        for (TableMapping m : rebuilds()) {
            sb.append("-- rebuilds ").append(Identifiers.quote(m.to().name())).append(": ").append(String.join("; ", m.reasons())).append('\n');
        }
        return sb.append('\n').append(body()).toString();
    }

    /** The statements with their transaction and foreign key lines, without the summary on top. */
    public String body() {
        if (isEmpty()) return "";
        return "-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),\n"
                + "-- so rebuilding a parent table never fires ON DELETE actions on its children.\n"
                + "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n\n"
                + steps.stream().map(Step::toString).collect(Collectors.joining("\n\n"))
                + "\n\n-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.\n"
                + "PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;\n";
    }
}
