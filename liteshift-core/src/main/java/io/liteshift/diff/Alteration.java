package io.liteshift.diff;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.UniqueConstraint;
import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One difference inside a table that exists on both sides. */
public sealed interface Alteration {

    String describe();

    private static String q(String name) {
        return Identifiers.quote(name);
    }

    record RenameTable(String from, String to) implements Alteration {
        public String describe() {
            return "rename table " + q(from) + " to " + q(to);
        }
    }

    record AddColumn(Column column) implements Alteration {
        public String describe() {
            return "add column " + q(column.name());
        }
    }

    record DropColumn(Column column) implements Alteration {
        public String describe() {
            return "drop column " + q(column.name());
        }
    }

    record RenameColumn(String from, String to) implements Alteration {
        public String describe() {
            return "rename column " + q(from) + " to " + q(to);
        }
    }

    /**
     * {@code from} is the current column under its new name; {@code to} is the declared column; {@code changes} is what
     * differs between them ({@link ColumnChange#between}), never empty.
     */
    record ModifyColumn(Column from, Column to, Set<ColumnChange> changes) implements Alteration {
        public ModifyColumn {
            changes = Collections.unmodifiableSet(EnumSet.copyOf(changes));
        }

        public boolean onlyNullabilityChanged() {
            return changes.equals(EnumSet.of(ColumnChange.NULLABILITY));
        }

        public String describe() {
            StringBuilder what = new StringBuilder();
            if (changes.contains(ColumnChange.TYPE)) what.append(", type ").append(show(from.type())).append(" -> ").append(show(to.type()));
            if (changes.contains(ColumnChange.NULLABILITY)) what.append(to.notNull() ? ", becomes NOT NULL" : ", becomes nullable");
            if (changes.contains(ColumnChange.DEFAULT)) {
                what.append(", default ").append(show(from.defaultValue())).append(" -> ").append(show(to.defaultValue()));
            }
            if (changes.contains(ColumnChange.COLLATION)) {
                what.append(", collation ").append(show(from.collation())).append(" -> ").append(show(to.collation()));
            }
            // a changed expression is long to show: it is named only when nothing else says why the column changes
            if (changes.contains(ColumnChange.GENERATED) && what.isEmpty()) what.append(", generated expression");
            return "change column " + q(to.name()) + (what.isEmpty() ? "" : " (" + what.substring(2) + ")");
        }

        private static String show(String s) {
            return s == null || s.isEmpty() ? "none" : s;
        }
    }

    record ChangePrimaryKey(PrimaryKey from, PrimaryKey to) implements Alteration {
        public String describe() {
            return "change primary key " + (from == null ? "rowid" : from.columnNames()) + " -> "
                    + (to == null ? "rowid" : to.columnNames()) + (to != null && to.autoincrement() ? " AUTOINCREMENT" : "");
        }
    }

    record AddUnique(UniqueConstraint unique) implements Alteration {
        public String describe() {
            return "add " + unique;
        }
    }

    record DropUnique(UniqueConstraint unique) implements Alteration {
        public String describe() {
            return "drop " + unique;
        }
    }

    record AddCheck(CheckConstraint check) implements Alteration {
        public String describe() {
            return "add " + check;
        }
    }

    record DropCheck(CheckConstraint check) implements Alteration {
        public String describe() {
            return "drop " + check;
        }
    }

    record AddForeignKey(ForeignKey foreignKey) implements Alteration {
        public String describe() {
            return "add " + foreignKey;
        }
    }

    record DropForeignKey(ForeignKey foreignKey) implements Alteration {
        public String describe() {
            return "drop " + foreignKey;
        }
    }

    record ChangeOptions(boolean wasWithoutRowid, boolean withoutRowid, boolean wasStrict, boolean strict) implements Alteration {
        public String describe() {
            List<String> what = new ArrayList<>();
            if (wasWithoutRowid != withoutRowid) what.add(withoutRowid ? "becomes WITHOUT ROWID" : "gets a rowid (no longer WITHOUT ROWID)");
            if (wasStrict != strict) what.add(strict ? "becomes STRICT" : "is no longer STRICT");
            return String.join(", ", what);
        }
    }
}
