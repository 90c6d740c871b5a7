package io.liteshift.review;

/**
 * Renders a review as one self-contained HTML file: it loads nothing (no script, style, font or image from anywhere,
 * and a Content-Security-Policy that forbids it), works from disk and as a CI artifact, and is byte-for-byte the same
 * for the same input.
 */
public final class ReviewPage {
    private ReviewPage() {
    }

    /** The page, as UTF-8 text to write to a {@code .html} file. */
    public static String render(ReviewInput input) {
        return new PageWriter(Overview.of(input)).page();
    }

    /** The verdict the page's summary leads with (the rule is on {@link Verdict}). */
    public static Verdict verdict(ReviewInput input) {
        return Overview.of(input).verdict();
    }
}
