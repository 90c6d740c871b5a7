package io.liteshift.diff;

import io.liteshift.schema.Index;
import io.liteshift.schema.Table;
import io.liteshift.schema.Trigger;
import io.liteshift.schema.View;
import io.liteshift.schema.VirtualTable;
import io.liteshift.sql.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/** One difference between the current and the wanted schema. */
public sealed interface Change {

    /** A name as SQL would write it, for messages and plan comments. */
    static String q(String name) {
        return Identifiers.quote(name);
    }

    /** A one-line description for plan comments and messages. */
    String describe();

    record CreateTable(Table table) implements Change {
        public String describe() {
            return "create table " + q(table.name());
        }
    }

    record DropTable(Table table) implements Change {
        public String describe() {
            return "drop table " + q(table.name());
        }
    }

    /**
     * A table that exists on both sides and differs.
     *
     * @param from        the table as it is now
     * @param to          the table as declared
     * @param alterations what differs, in terms of {@code to}'s names
     */
    record AlterTable(Table from, Table to, List<Alteration> alterations) implements Change {
        public AlterTable {
            alterations = List.copyOf(alterations);
        }

        public boolean renamed() {
            return !from.name().equals(to.name()) && !Identifiers.same(from.name(), to.name());
        }

        public String describe() {
            return "alter table " + q(to.name()) + ": "
                    + alterations.stream().map(Alteration::describe).collect(Collectors.joining("; "));
        }
    }

    record CreateIndex(Index index) implements Change {
        public String describe() {
            return "create index " + q(index.name());
        }
    }

    record DropIndex(Index index) implements Change {
        public String describe() {
            return "drop index " + q(index.name());
        }
    }

    record CreateView(View view) implements Change {
        public String describe() {
            return "create view " + q(view.name());
        }
    }

    record DropView(View view) implements Change {
        public String describe() {
            return "drop view " + q(view.name());
        }
    }

    record CreateTrigger(Trigger trigger) implements Change {
        public String describe() {
            return "create trigger " + q(trigger.name());
        }
    }

    record DropTrigger(Trigger trigger) implements Change {
        public String describe() {
            return "drop trigger " + q(trigger.name());
        }
    }

    record CreateVirtualTable(VirtualTable table) implements Change {
        public String describe() {
            return "create virtual table " + q(table.name());
        }
    }

    record DropVirtualTable(VirtualTable table) implements Change {
        public String describe() {
            return "drop virtual table " + q(table.name());
        }
    }

    /** A virtual table whose definition changed: liteshift never rebuilds virtual tables. */
    record ChangeVirtualTable(VirtualTable from, VirtualTable to) implements Change {
        public String describe() {
            return "change virtual table " + q(to.name());
        }
    }
}
