package io.liteshift.examples.springboot;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** {@code /tasks}: list (open ones with {@code ?open=true}), add, and mark done, over the migrated table. */
@RestController
@RequestMapping("/tasks")
public class TaskController {
    private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getLong("id"), rs.getString("title"),
            rs.getInt("done") == 1, rs.getString("created_at"));
    private final JdbcTemplate jdbc;

    public TaskController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    public List<Task> list(@RequestParam(defaultValue = "false") boolean open) {
        return open ? jdbc.query("SELECT * FROM tasks WHERE done = 0 ORDER BY id", TASK)
                : jdbc.query("SELECT * FROM tasks ORDER BY id", TASK);
    }

    /** Adds a task from {@code {"title": "..."}}; the table's CHECK refuses an empty or overlong title. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Task add(@RequestBody Map<String, String> body) {
        String title = body.getOrDefault("title", "").strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title must have 1 to 200 characters");
        }
        return jdbc.queryForObject("INSERT INTO tasks (title) VALUES (?) RETURNING *", TASK, title);
    }

    @PostMapping("/{id}/done")
    public Task done(@PathVariable long id) {
        List<Task> updated = jdbc.query("UPDATE tasks SET done = 1 WHERE id = ? RETURNING *", TASK, id);
        if (updated.isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + id);
        return updated.get(0);
    }
}
