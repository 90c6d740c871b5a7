package io.liteshift.schema;

import io.liteshift.sql.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A FOREIGN KEY constraint. Actions are upper case ("NO ACTION" when not declared).
 *
 * @param refColumns the parent columns as written; empty means the parent's primary key
 * @param deferrable the deferral clause as written in upper case, or "" when none
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                         String onDelete, String onUpdate, String match, String deferrable) {

    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        onDelete = onDelete == null ? "NO ACTION" : onDelete;
        onUpdate = onUpdate == null ? "NO ACTION" : onUpdate;
        match = match == null ? "" : match;
        deferrable = deferrable == null ? "" : deferrable;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Constraints.named(name)).append("FOREIGN KEY (")
                .append(columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ")))
                .append(") REFERENCES ").append(Identifiers.quote(refTable));
        if (!refColumns.isEmpty()) {
            sb.append(" (").append(refColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", "))).append(')');
        }
        if (!onDelete.equals("NO ACTION")) sb.append(" ON DELETE ").append(onDelete);
        if (!onUpdate.equals("NO ACTION")) sb.append(" ON UPDATE ").append(onUpdate);
        if (!match.isEmpty()) sb.append(" MATCH ").append(match);
        if (!deferrable.isEmpty()) sb.append(' ').append(deferrable);
        return sb.toString();
    }
}
