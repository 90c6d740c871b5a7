/**
 * The Spring Boot starter: auto-configuration that migrates the application's SQLite database on startup, before
 * JPA, JdbcTemplate or jOOQ touch it, with its settings ({@code spring.liteshift.*}), an actuator endpoint and a
 * health indicator for each Boot line.
 */
package io.liteshift.spring.boot;
