package io.liteshift.spring.boot;

import io.liteshift.LiteShift;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/liteshift}: applied and pending migrations, drift and history problems, read from the database on
 * every request (read-only). Expose it with {@code management.endpoints.web.exposure.include=health,liteshift}.
 */
@Endpoint(id = "liteshift")
public class LiteShiftEndpoint {
    private final LiteShift liteShift;

    public LiteShiftEndpoint(LiteShift liteShift) {
        this.liteShift = liteShift;
    }

    @ReadOperation
    public LiteShiftReport status() {
        return LiteShiftReport.of(liteShift.status());
    }
}
