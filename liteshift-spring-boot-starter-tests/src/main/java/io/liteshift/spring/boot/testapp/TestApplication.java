package io.liteshift.spring.boot.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service on SQLite with every kind of database user the starter must come before: JdbcTemplate and
 * NamedParameterJdbcTemplate ({@link StartupProbe}, {@link CustomerController}), jOOQ's DSLContext ({@link
 * StartupProbe}) and JPA ({@link CustomerRepository}, with Hibernate validating the schema as it starts).
 */
@SpringBootApplication
public class TestApplication {
    public static void main(String[] args) {
        SpringApplication.run(TestApplication.class, args);
    }
}
