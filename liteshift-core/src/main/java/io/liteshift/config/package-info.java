/**
 * A project's settings for the front ends: {@link ProjectConfig} reads {@code liteshift.toml} (every mistake named
 * with its file and line) and lets flags and {@code DATABASE_URL} override it, then hands the result to the facade.
 */
package io.liteshift.config;
