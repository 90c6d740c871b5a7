package io.liteshift.examples.springboot;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it boots on a new database file: the starter migrates it to 0002, the REST endpoint writes and reads
 * tasks over HTTP, and the rows, journal and integrity checks are read from the file.
 */
// Tomcat's work directory under target/, not a new one in the system temp directory on every run
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.tomcat.basedir=target/tomcat")
class TasksApplicationTest {
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("tasks.db"));
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tasksAreKeptInTheMigratedTable() throws Exception {
        assertThat(send("POST", "/tasks", "{\"title\": \"write the migration\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/tasks", "{\"title\": \"deploy it\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/tasks", "{\"title\": \"  \"}").statusCode()).isEqualTo(400);
        HttpResponse<String> done = send("POST", "/tasks/1/done", null);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"done\":true");

        HttpResponse<String> open = send("GET", "/tasks?open=true", null);
        assertThat(open.body()).contains("deploy it").doesNotContain("write the migration");

        Path db = dir.resolve("tasks.db");
        assertThat(query(db, "SELECT id || ':' || title || ':' || done FROM tasks ORDER BY id"))
                .containsExactly("1:write the migration:1", "2:deploy it:0");
        assertThat(query(db, "SELECT version || ' ' || name FROM liteshift_migrations ORDER BY version")).containsExactly("1 tasks", "2 done");
        assertThat(query(db, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(query(db, "PRAGMA foreign_key_check")).isEmpty();
    }

    @Test
    void actuatorReportsTheSchemaUpToDate() throws Exception {
        HttpResponse<String> liteshift = send("GET", "/actuator/liteshift", null);
        assertThat(liteshift.statusCode()).isEqualTo(200);
        assertThat(liteshift.body()).contains("\"version\":\"0002\"").contains("\"upToDate\":true").contains("\"pending\":[]");
        HttpResponse<String> health = send("GET", "/actuator/health/liteshift", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theCommittedMigrationsProduceSchemaSql() {
        // what CI runs as `liteshift verify` without a database: nobody changed schema.sql without generating
        assertThat(LiteShift.configure().migrations("src/main/resources/db/migrations").schema(Path.of("schema.sql")).load()
                .verifyDirectory()).isEmpty();
    }

    private static List<String> query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
