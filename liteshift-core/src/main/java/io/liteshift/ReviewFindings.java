package io.liteshift;

import io.liteshift.lint.LintCode;
import io.liteshift.lint.LintIssue;
import io.liteshift.lint.Measurement;
import io.liteshift.lint.Severity;
import io.liteshift.review.Counts;
import io.liteshift.review.Finding;

import java.util.List;

/** Lint's findings as the review page shows them: at their lines, with what was measured on the rows. */
final class ReviewFindings {
    private ReviewFindings() {
    }

    /** The findings of {@code issues} about the file {@code fileName}, whose text has {@code lines} lines. */
    static List<Finding> about(String fileName, int lines, List<LintIssue> issues) {
        return issues.stream().filter(i -> i.file().equals(fileName)).map(i -> of(i, lines)).toList();
    }

    static Finding of(LintIssue i, int lines) {
        // a line past the text (a syntax error at its very end) is about the whole file
        int line = i.line() <= lines ? i.line() : 0;
        return new Finding(i.code(), severity(i.severity()), line, i.subject(), i.message(), i.fix(), counts(i.measured()),
                destroysData(i));
    }

    /**
     * Whether applying it destroys rows or values: a drop that is not only information (with the rows, a table or
     * column that holds no data is a note), or a DELETE without WHERE.
     */
    private static boolean destroysData(LintIssue i) {
        return i.lintCode().destroysData() && i.severity() != Severity.INFO || i.lintCode() == LintCode.DELETE_WITHOUT_WHERE;
    }

    private static Finding.Severity severity(Severity s) {
        return switch (s) {
            case ERROR -> Finding.Severity.ERROR;
            case WARNING -> Finding.Severity.WARNING;
            case INFO -> Finding.Severity.INFO;
        };
    }

    private static Counts counts(Measurement m) {
        return m.isEmpty() ? Counts.NONE : new Counts(m.rows(), m.sampleKeys(), m.bytes(), m.estimatedLock());
    }

    /** A finding of the page's own about a whole file: a rehearsal that failed there. */
    static Finding rehearsal(String message, String fix) {
        return new Finding("rehearsal", Finding.Severity.ERROR, 0, "", message, fix, Counts.NONE, false);
    }
}
