package io.liteshift.maven;

import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Creates an empty numbered migration for hand-written SQL (seed rows, backfills, a rebuild of your own). */
@Mojo(name = "new", threadSafe = true)
public final class NewMojo extends LiteShiftMojo {
    /** The migration's name, e.g. backfill_emails. */
    @Parameter(property = "liteshift.name", required = true)
    String name;

    @Override
    void run() {
        Reports.created(configure().load().newMigration(name), log());
    }
}
