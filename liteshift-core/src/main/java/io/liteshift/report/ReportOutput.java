package io.liteshift.report;

import io.liteshift.Fix;

/**
 * Where a front end (the command line, the Maven plugin) prints what a command did. The texts are the same
 * everywhere; only the channels and the way a user runs the next command differ.
 */
public interface ReportOutput {
    /** One line of the report. */
    void line(String text);

    /** Something the user should look at, though the command went through. */
    void warning(String text);

    /** Who reads it: the reports name commands and settings ({@link io.liteshift.Fix}) as this front end does. */
    Fix.FrontEnd frontEnd();
}
