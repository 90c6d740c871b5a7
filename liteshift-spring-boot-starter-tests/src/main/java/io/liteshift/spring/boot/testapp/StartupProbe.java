package io.liteshift.spring.boot.testapp;

import jakarta.annotation.PostConstruct;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Reads the migrated schema while the application starts, through each database user the starter must come before.
 * Had any of them been created before the migration, a query here would fail with "no such table" and stop
 * startup; what each one saw is kept for the tests.
 */
@Component
public class StartupProbe {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final DSLContext jooq;
    private List<String> tablesSeenByJdbcTemplate;
    private int ordersSeenByNamedParameterJdbcTemplate = -1;
    private int customersSeenByJooq = -1;

    public StartupProbe(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, DSLContext jooq) {
        this.jdbc = jdbc;
        this.named = named;
        this.jooq = jooq;
    }

    @PostConstruct
    void readSchema() {
        tablesSeenByJdbcTemplate = jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN"
                + " ('customers', 'orders') ORDER BY name", String.class);
        ordersSeenByNamedParameterJdbcTemplate = named.queryForObject("SELECT count(*) FROM orders WHERE total_cents >= :min",
                Map.of("min", 0), Integer.class);
        customersSeenByJooq = jooq.fetchCount(DSL.table(DSL.name("customers")));
    }

    public List<String> tablesSeenByJdbcTemplate() {
        return tablesSeenByJdbcTemplate;
    }

    public int ordersSeenByNamedParameterJdbcTemplate() {
        return ordersSeenByNamedParameterJdbcTemplate;
    }

    public int customersSeenByJooq() {
        return customersSeenByJooq;
    }
}
