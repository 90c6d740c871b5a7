package io.liteshift.maven;

import io.liteshift.migrate.StatusReport;
import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applied and pending migrations, drift and integrity problems. Reads only, and only reports: a pending migration
 * does not fail the build (that is {@code verify}'s job).
 */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends LiteShiftMojo {
    @Override
    void run() {
        StatusReport r = configure().database(requireDatabase()).load().status();
        Reports.status(r, settings().migrations(), log());
    }
}
