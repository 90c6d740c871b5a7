package io.liteshift.review;

import java.util.ArrayList;
import java.util.List;

/** A migration's text cut into the lines lint counts: {@code \n} ends a line, a {@code \r} before it is dropped. */
final class SqlLines {
    private SqlLines() {
    }

    /** The lines, without their ends; a final line break does not start another line. */
    static List<String> of(String sql) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < sql.length()) {
            int end = sql.indexOf('\n', start);
            if (end < 0) end = sql.length();
            String line = sql.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }
}
