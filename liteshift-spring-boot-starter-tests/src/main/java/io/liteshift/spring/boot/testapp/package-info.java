/**
 * The application the starter's tests start: a small service with every kind of database user the starter must come
 * before (JdbcTemplate, jOOQ, JPA), built for both Boot lines from one source tree.
 */
package io.liteshift.spring.boot.testapp;
