package io.liteshift.maven;

import io.liteshift.migrate.GenerateResult;
import io.liteshift.report.Reports;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the next migration: the declared schema diffed against the schema the migrations directory produces (never
 * the live database). Plain SQL to review, with a header saying what changes, which tables are rebuilt and why, and
 * what needs attention. Writes nothing when nothing changed.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE) // a schema class must be compiled as it is now, never read stale
public final class GenerateMojo extends LiteShiftMojo {
    /** The migration's name, e.g. add_orders (default: from the changes). */
    @Parameter(property = "liteshift.name")
    String name;

    /**
     * Mark a migration that rebuilds a table {@code -- liteshift:online}: {@code liteshift:migrate} then copies its rows
     * in short chunks while the application keeps writing (WAL mode).
     */
    @Parameter(property = "liteshift.online", defaultValue = "false")
    boolean online;

    @Override
    void run() {
        GenerateResult r = configure().load().generate(name, online);
        Reports.generated(r, settings(), log());
    }
}
