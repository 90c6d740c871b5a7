package io.liteshift.property;

import java.util.Collection;
import java.util.List;

/** Name pools with SQLite keywords, names that need quotes and mixed case, and a way to keep names distinct. */
final class Names {
    static final List<String> TABLES = List.of("items", "Orders", "order", "line items", "Users", "group", "t",
            "x\"y", "Data", "select");
    static final List<String> COLUMNS = List.of("name", "Value", "order", "group", "select", "key", "index", "from",
            "first name", "a-b", "x\"y", "MixedCase", "desc", "default", "check", "when", "_under", "1st", "ünï",
            "qty", "price", "note", "status", "table", "rowid", "oid");

    private Names() {
    }


    /** SQLite's folding: ASCII letters only. */
    static String fold(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        return sb.toString();
    }

    /** {@code base}, or {@code base_2}, {@code base_3}... whichever no name in {@code taken} folds to. */
    static String fresh(String base, Collection<String> taken) {
        List<String> folded = taken.stream().map(Names::fold).toList();
        String name = base;
        for (int k = 2; folded.contains(fold(name)); k++) name = base + "_" + k;
        return name;
    }
}
