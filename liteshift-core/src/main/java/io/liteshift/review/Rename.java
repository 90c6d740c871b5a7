package io.liteshift.review;

import java.util.Objects;

/** A rename between the schema before and after, so the page shows one changed table or column, not a drop and an add. */
public sealed interface Rename permits Rename.TableRename, Rename.ColumnRename {

    /** Table {@code from} (a name in the schema before) is table {@code to} (a name in the schema after). */
    record TableRename(String from, String to) implements Rename {
        public TableRename {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return "table " + from + " renamed to " + to;
        }
    }

    /**
     * Column {@code from} of {@code table} is column {@code to}; {@code table} is the table's name after, which is
     * its name before too unless a {@link TableRename} says otherwise.
     */
    record ColumnRename(String table, String from, String to) implements Rename {
        public ColumnRename {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return "column " + table + "." + from + " renamed to " + to;
        }
    }
}
