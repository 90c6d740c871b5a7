package io.liteshift.spring.boot.testapp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
public class CustomerController {
    private final JdbcTemplate jdbc;

    public CustomerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every customer with the number of orders, so that both migrated tables are read. */
    @GetMapping("/customers")
    public List<Map<String, Object>> customers() {
        return jdbc.queryForList("SELECT c.id, c.name, c.email, count(o.id) AS orders FROM customers c"
                + " LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id ORDER BY c.id");
    }
}
