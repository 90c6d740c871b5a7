package io.liteshift.diff;

import io.liteshift.schema.CheckConstraint;
import io.liteshift.schema.Column;
import io.liteshift.schema.ForeignKey;
import io.liteshift.schema.PrimaryKey;
import io.liteshift.schema.UniqueConstraint;

/** One difference inside a table that exists on both sides. */
public sealed interface Alteration {

    String describe();

    private static String q(String name) {
        return io.liteshift.sql.Identifiers.quote(name);
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

    /** {@code from} is the current column under its new name; {@code to} is the declared column. */
    record ModifyColumn(Column from, Column to) implements Alteration {
        public boolean onlyNullabilityChanged() {
            return from.withNotNull(to.notNull()).sameShape(to) && from.notNull() != to.notNull();
        }

        public String describe() {
            StringBuilder what = new StringBuilder();
            if (!io.liteshift.sql.SqlText.canonical(from.type()).equals(io.liteshift.sql.SqlText.canonical(to.type()))) {
                what.append(", type ").append(show(from.type())).append(" -> ").append(show(to.type()));
            }
            if (from.notNull() != to.notNull()) what.append(to.notNull() ? ", becomes NOT NULL" : ", becomes nullable");
            if (!java.util.Objects.equals(io.liteshift.sql.Defaults.canonical(from.defaultValue()),
                    io.liteshift.sql.Defaults.canonical(to.defaultValue()))) {
                what.append(", default ").append(show(from.defaultValue())).append(" -> ").append(show(to.defaultValue()));
            }
            if (!java.util.Objects.equals(from.collation() == null ? null : io.liteshift.sql.Identifiers.fold(from.collation()),
                    to.collation() == null ? null : io.liteshift.sql.Identifiers.fold(to.collation()))) {
                what.append(", collation ").append(show(from.collation())).append(" -> ").append(show(to.collation()));
            }
            if (from.isGenerated() || to.isGenerated()) {
                if (!from.withNotNull(to.notNull()).sameShape(to) && what.isEmpty()) what.append(", generated expression");
            }
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
            java.util.List<String> what = new java.util.ArrayList<>();
            if (wasWithoutRowid != withoutRowid) what.add(withoutRowid ? "becomes WITHOUT ROWID" : "gets a rowid (no longer WITHOUT ROWID)");
            if (wasStrict != strict) what.add(strict ? "becomes STRICT" : "is no longer STRICT");
            return String.join(", ", what);
        }
    }
}
