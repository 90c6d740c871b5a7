package io.liteshift.sql;

import java.util.List;

/**
 * Whether a CREATE TABLE's last column ends in a {@code CONSTRAINT name} that SQLite also gives to the first table
 * constraint after the column list (its parser forgets the name at the next column or at a comma between table
 * constraints, not at the comma that ends the columns). {@code ALTER TABLE ADD COLUMN} writes the new column after
 * the last one, so on such a table it would take the name away from that table constraint.
 */
public final class CarriedConstraintName {
    private CarriedConstraintName() {
    }

    /**
     * True when the column {@code definition}, added with ADD COLUMN (which writes it after the last column, before the
     * table constraints), would end in a CONSTRAINT name that carries over to an unnamed table constraint.
     */
    public static boolean afterAdding(String createTable, String definition) {
        List<Token> sig = Lexer.significant(createTable);
        int depth = 0;
        boolean elementStart = false;
        int comma = -1;
        for (Token t : sig) {
            if (t.isPunct("(") && ++depth == 1) {
                elementStart = true;
                continue;
            }
            if (t.isPunct(")")) depth--;
            if (depth != 1) continue;
            if (t.isPunct(",")) {
                comma = t.start();
                elementStart = true;
                continue;
            }
            if (elementStart && (t.is("constraint") || t.is("primary") || t.is("unique") || t.is("check") || t.is("foreign"))) {
                // the new column goes where the columns end: before the comma that leads to the table constraints
                return in(createTable.substring(0, comma) + ", " + definition + "\n" + createTable.substring(comma));
            }
            elementStart = false;
        }
        return false; // no table constraint for a name to carry over to
    }

    /** True when {@code createTable}'s last column's CONSTRAINT name carries over to an unnamed table constraint. */
    public static boolean in(String createTable) {
        List<Token> sig = Lexer.significant(createTable);
        int open = 0;
        while (open < sig.size() && !sig.get(open).isPunct("(")) open++;
        boolean lastColumnNamesAConstraint = false;
        boolean elementStart = true;
        int depth = 0;
        for (int i = open; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.isPunct("(")) depth++;
            if (t.isPunct(")") && --depth == 0) return false;
            if (depth != 1 || t.isPunct("(")) continue;
            if (t.isPunct(",")) {
                elementStart = true;
                continue;
            }
            if (elementStart) {
                elementStart = false;
                boolean tableConstraint = t.is("constraint") || t.is("primary") || t.is("unique") || t.is("check") || t.is("foreign");
                if (tableConstraint) return lastColumnNamesAConstraint && !t.is("constraint");
                lastColumnNamesAConstraint = false; // a new column: the name is forgotten
                continue;
            }
            if (t.is("constraint")) lastColumnNamesAConstraint = true;
        }
        return false;
    }
}
