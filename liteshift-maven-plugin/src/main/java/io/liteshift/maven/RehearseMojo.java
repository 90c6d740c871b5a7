package io.liteshift.maven;

import io.liteshift.Configuration;
import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.rehearse.RehearsalReport;
import io.liteshift.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tries the pending migrations on an online copy of the database (the original is only read), as migrate would,
 * then verifies the copy; reports each migration's duration, rows changed and sizes. Fails the build when a
 * migration fails on the copy or the migrated copy does not verify.
 */
@Mojo(name = "rehearse", threadSafe = true)
public final class RehearseMojo extends LiteShiftMojo {
    /** Keep the migrated copy and print its path (default: deleted). */
    @Parameter(property = "liteshift.keepCopy", defaultValue = "false")
    boolean keepCopy;

    /** Apply pending migrations older than the newest applied one, as migrate would. */
    @Parameter(property = "liteshift.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    @Override
    void run() throws MojoFailureException {
        Configuration config = configure().database(requireDatabase());
        if (outOfOrder) config.outOfOrder(true); // else as set in liteshift.toml, which configure() holds
        RehearsalReport r = config.load().rehearse(keepCopy);
        Reports.rehearsal(r, log());
        if (r.failure() != null) {
            // the same reason the migration would fail with for real
            throw new LiteShiftException(r.failure().reason(), "rehearsal failed" + (r.failure().migration() == null ? ""
                    : " at " + r.failure().migration()) + ": " + r.failure().message(Fix.FrontEnd.MAVEN) + "\n" + r.database() + " was not changed.");
        }
        if (!r.problems().isEmpty()) {
            throw new MojoFailureException("rehearsal applied " + r.steps().size() + " migration(s), but verify found "
                    + r.problems().size() + " problem(s) on the copy:\n"
                    + bullets(r.problems())
                    + "\n" + r.database() + " was not changed.");
        }
    }
}
