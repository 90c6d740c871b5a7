/**
 * The Maven plugin: one small Mojo per goal ({@code mvn liteshift:migrate}, {@code liteshift:lint}, ...). A goal
 * reads the project's settings, calls the facade and prints the same reports as the command line into the build log;
 * a refusal fails the build.
 */
package io.liteshift.maven;
