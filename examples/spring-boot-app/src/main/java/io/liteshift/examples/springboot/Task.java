package io.liteshift.examples.springboot;

/** A row of {@code tasks}. */
public record Task(long id, String title, boolean done, String createdAt) {
}
