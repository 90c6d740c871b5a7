package io.liteshift.maven;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
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
        ReviewResult r;
        if (given(from) || given(to)) {
            if (!given(from) || !given(to) || rehearse || pushPlan) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "<from> and <to> (-Dliteshift.reviewFrom,"
                        + " -Dliteshift.reviewTo) go together and compare two schemas, which have no migrations to rehearse and no"
                        + " push plan: give both, without rehearse and pushPlan. Nothing was written.");
            }
            r = LiteShift.review(side(from), side(to), out.toPath());
        } else if (pushPlan) {
            if (rehearse) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "rehearse rehearses the pending migrations;"
                        + " a push plan has none. Leave one of them out. Nothing was written.");
            }
            SchemaSource declared = settings().schemaClass() == null ? new SchemaSource.Declared(settings().schema())
                    : SchemaSource.javaClass(settings().schemaClass(), projectClasses());
            r = LiteShift.reviewPush(requireDatabase(), declared, out.toPath());
        } else {
            r = configure().load().review(out.toPath(), rehearse);
        }
        getLog().info("wrote " + r.file());
        getLog().info(r.verdictLine());
    }

    private SchemaSource side(String spec) {
        return SchemaSource.parse(DatabaseSpec.resolveAgainst(spec, basedir()));
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
