/**
 * The Spring Boot example: a small tasks service whose schema the liteshift starter migrates on boot, before the
 * JdbcTemplate is made.
 */
package io.liteshift.examples.springboot;
