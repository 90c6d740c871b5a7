package io.liteshift.review;

import io.liteshift.Golden;
import io.liteshift.cli.Cli;
import io.liteshift.cli.ShopReviewProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of the pages {@code liteshift review} writes, pinned in golden files ({@link Outline}: landmarks,
 * headings, tables, findings at their lines, the diagrams' boxes), for the pending migrations against a database
 * and for a push plan. Regenerate with {@code -Dliteshift.updateGolden=true} after an intended change.
 */
class ReviewCommandOutlineTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-review");

    @TempDir
    Path dir;
    ShopReviewProject shop;

    @BeforeEach
    void shop() throws Exception {
        shop = ShopReviewProject.create(dir);
    }

    private String page(String... args) throws Exception {
        Path out = dir.resolve("review.html");
        Cli.Result r = shop.run(Cli.plus(args, "--db", shop.db().toString(), "--out", out.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Files.readString(out);
    }

    @Test
    void thePageOfThePendingMigrations() throws Exception {
        Golden.check(GOLDEN.resolve("pending.outline.txt"), Outline.of(page("review")));
    }

    @Test
    void thePageOfAPushPlan() throws Exception {
        Golden.check(GOLDEN.resolve("push.outline.txt"), Outline.of(page("review", "--schema", shop.schema().toString())));
    }
}
