package io.liteshift.review;

import io.liteshift.schema.Schema;

import java.util.List;
import java.util.Objects;

/**
 * What one review page shows. The change state of every table, column and foreign key is computed from the two
 * schemas by name ({@code renames} pairs the names that changed), and the verdict from those changes and the
 * findings ({@link Verdict}); neither is given here.
 *
 * @param title      the page's heading, e.g. "Pending migrations of app.db"
 * @param context    one sentence under it saying what was compared and whether rows were read ("" for none)
 * @param before     the schema before the first migration (for a new database, {@link Schema#EMPTY})
 * @param after      the schema after the last one
 * @param renames    the renames between them, which a comparison by name would see as a drop and an add
 * @param migrations the migrations in the order they run (empty when two schemas are compared without any)
 */
public record ReviewInput(String title, String context, Schema before, Schema after, List<Rename> renames,
                          List<Migration> migrations) {

    public ReviewInput {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        renames = List.copyOf(renames);
        migrations = List.copyOf(migrations);
        Renames.requireBound(before, after, renames);
    }
}
