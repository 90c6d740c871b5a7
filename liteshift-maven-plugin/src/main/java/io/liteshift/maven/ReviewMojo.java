package io.liteshift.maven;

import io.liteshift.ReviewOptions;
import io.liteshift.ReviewResult;
import io.liteshift.SchemaSource;
import io.liteshift.config.DatabaseSpec;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;

/**
 * Writes the review page, one self-contained HTML file to decide a schema change from (it loads nothing, so it opens
 * from disk and as a CI artifact): the verdict, the schema before and after as a diagram, and every migration's SQL
 * with its steps and lint's findings at their lines. By default the pending migrations against the database (only
 * read; lint counts its rows), or every migration from an empty schema without one; with {@code rehearse}, also
 * each migration's time and sizes on a copy. {@code from} and {@code to} compare two schemas instead, and
 * {@code pushPlan} reviews the plan a push of the declared schema would run. The build fails only when the page
 * cannot be written; the verdict is in the log.
 */
@Mojo(name = "review", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class ReviewMojo extends LiteShiftMojo {
    /** Where the page is written. */
    @Parameter(property = "liteshift.reviewOut", defaultValue = "${project.build.directory}/liteshift/review.html")
    File out;

    /** Also rehearse the pending migrations on a copy of the database, and show each one's time and sizes. */
    @Parameter(property = "liteshift.rehearse", defaultValue = "false")
    boolean rehearse;

    /** The schema before, to compare two schemas: a database, a .sql file or directory, or a migrations directory (with {@code to}). */
    @Parameter(property = "liteshift.reviewFrom")
    String from;

    /** The schema after, as {@code from}. */
    @Parameter(property = "liteshift.reviewTo")
    String to;

    /** Review the plan a push of the declared schema (or schema class) would run on the database, instead of the migrations. */
    @Parameter(property = "liteshift.reviewPush", defaultValue = "false")
    boolean pushPlan;

    @Override
    void run() {
        ReviewResult r = configure().load().review(new ReviewOptions(out.toPath(), rehearse, side(from), side(to), pushPlan));
        getLog().info("wrote " + r.file());
        getLog().info(r.verdictLine());
    }

    private SchemaSource side(String spec) {
        return spec == null || spec.isBlank() ? null : SchemaSource.parse(DatabaseSpec.resolveAgainst(spec, basedir()));
    }
}
