package io.liteshift.spring.boot;

import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.migrate.MigrateResult;
import io.liteshift.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates on startup, as soon as this bean is created. Everything that uses the database (JdbcTemplate,
 * NamedParameterJdbcTemplate, JPA's EntityManagerFactory, jOOQ's DSLContext, beans annotated
 * {@code @DependsOnDatabaseInitialization}) is made to depend on it through Spring Boot's database-initialization
 * ordering ({@link LiteShiftInitializerDetector}), so none of them is created before the schema is migrated.
 */
public class LiteShiftMigrationInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(LiteShiftMigrationInitializer.class);

    private final LiteShift liteShift;
    private final LiteShiftMigrationStrategy strategy;
    private final String database;
    private final String location;

    /**
     * @param strategy null for the default, {@code liteShift.migrate()} with its result logged
     * @param database how a failure names the database
     * @param location how a failure names the migrations
     */
    public LiteShiftMigrationInitializer(LiteShift liteShift, LiteShiftMigrationStrategy strategy, String database, String location) {
        this.liteShift = liteShift;
        this.strategy = strategy != null ? strategy : LiteShiftMigrationInitializer::migrateAndLog;
        this.database = database;
        this.location = location;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            strategy.migrate(liteShift);
        } catch (LiteShiftException e) {
            throw new LiteShiftStartupException(database, location, e);
        }
    }

    /**
     * The default strategy: migrate, then say where the schema stands (liteshift logs each applied migration and the
     * backup itself).
     */
    static void migrateAndLog(LiteShift liteShift) {
        MigrateResult r = liteShift.migrate();
        r.notes().forEach(LOG::info);
        r.drift().forEach(p -> LOG.warn("liteshift: {}", p.message()));
        LOG.info("liteshift: the schema is at version {} ({} migration(s) applied on this start)",
                Reports.version(r.version()), r.applied().size());
    }
}
