package io.liteshift.maven;

import io.liteshift.migrate.Problem;
import io.liteshift.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;

/**
 * With a database: nothing pending, checksums and the integrity file hold, the live schema equals the latest
 * snapshot, integrity_check is ok and foreign_key_check is clean. Without one (no database parameter, DATABASE_URL
 * or database setting), or with {@code repo}, the repository alone, for CI: the integrity file, every snapshot
 * against a replay of the migrations, and the declared schema (file or class) against the newest one. Reads only;
 * fails the build naming each problem.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class VerifyMojo extends LiteShiftMojo {
    /**
     * Check the repository alone (CI), ignoring any database the {@code database} parameter, DATABASE_URL or
     * liteshift.toml names: a schema change that nobody generated a migration for fails the build.
     */
    @Parameter(property = "liteshift.repo", defaultValue = "false")
    boolean repo;

    @Override
    void run() throws MojoFailureException {
        String db = repo ? null : settings().database();
        List<Problem> problems;
        String subject;
        if (db == null) {
            problems = configure().load().verifyDirectory();
            Reports.verifiedDirectory(problems, settings(), repo, log());
            subject = settings().migrations() + (repo ? " (the repository only)" : " (no database given)");
        } else {
            problems = configure().load().verify();
            Reports.verified(problems, db, log());
            subject = db;
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(problems.size() + " problem(s): " + subject + " is not verified:\n"
                    + bullets(problems));
        }
    }
}
