package io.liteshift.review;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Element ids made from names: readable ({@code erd-t-order-items} for {@code "Order Items"}), unique within a page,
 * and the same for the same names asked in the same order. Only ASCII letters, digits and '-' are kept.
 */
final class Ids {
    private final Set<String> taken = new HashSet<>();

    /** A new id: {@code prefix} and the slug of {@code name}, with "-2", "-3" ... when it was given already. */
    String unique(String prefix, String name) {
        String base = prefix + slug(name);
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    static String slug(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) sb.append(c);
            else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '-') sb.append('-');
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '-') sb.setLength(sb.length() - 1);
        return sb.isEmpty() ? "x" : sb.toString();
    }
}
