package io.liteshift.spring.boot;

import io.liteshift.Configuration;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.seed.Seeder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * Migrates the application's SQLite database with liteshift on startup, before anything that uses it is created.
 *
 * <p>It runs after the DataSource auto-configuration of either Boot line (named by string: the class moved in Boot
 * 4), so that a DataSource is there to be found. Its ordering against the users of the database does not name them:
 * {@link DatabaseInitializationDependencyConfigurer} makes every bean that Boot knows depends on database
 * initialization (JdbcTemplate, NamedParameterJdbcTemplate, EntityManagerFactory, DSLContext, and
 * {@code @DependsOnDatabaseInitialization} beans) depend on the {@link LiteShiftMigrationInitializer}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnProperty(prefix = "spring.liteshift", name = "enabled", matchIfMissing = true)
@Conditional(LiteShiftAutoConfiguration.DatabaseCondition.class)
@EnableConfigurationProperties(LiteShiftProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class LiteShiftAutoConfiguration {

    /** What the auto-configured LiteShift migrates; an application that brings its own LiteShift chose for itself. */
    @Bean
    @ConditionalOnMissingBean(LiteShift.class)
    DatabaseTarget liteShiftDatabaseTarget(LiteShiftProperties properties, ObjectProvider<DataSource> dataSource) {
        String named = properties.url() != null ? properties.url() : "the application's DataSource";
        return startup(named, properties, () -> DatabaseTarget.of(properties.url(), dataSource.getIfUnique()));
    }

    /** The boot API configured from {@code spring.liteshift.*}; an application's own LiteShift bean replaces it. */
    @Bean
    @ConditionalOnMissingBean
    public LiteShift liteShift(LiteShiftProperties properties, DatabaseTarget target, ObjectProvider<Seeder> seeders,
                               ResourceLoader resourceLoader) {
        return startup(target.label(), properties, () -> {
            Configuration c = LiteShift.configure()
                    .migrations(properties.location())
                    // classpath: migrations are the application's resources (in BOOT-INF/classes of a packaged jar)
                    .classLoader(resourceLoader.getClassLoader())
                    .createMissing(properties.createMissing())
                    .outOfOrder(properties.outOfOrder())
                    .lintBeforeMigrate(properties.lintBeforeMigrate())
                    .replicaTimeout(properties.replicaTimeout())
                    .baselineOnMigrate(properties.baselineOnMigrate())
                    .maxLock(properties.maxLock())
                    .backupCheck(properties.backup().check());
            if (properties.lockTimeout() != null) c.lockTimeout(properties.lockTimeout()); // else liteshift's one default
            if (properties.online() != null) c.online(properties.online());
            target.applyTo(c);
            if (properties.backup().directory() != null) c.backupBeforeMigrate(properties.backup().directory(), properties.backup().keep());
            Seeder[] javaSeeders = seeders.orderedStream().toArray(Seeder[]::new);
            if (properties.seeds().directory() != null || javaSeeders.length > 0) c.seedAfterMigrate(properties.seeds().directory(), javaSeeders);
            return c.load();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    public LiteShiftMigrationInitializer liteShiftMigrationInitializer(LiteShift liteShift, LiteShiftProperties properties,
                                                                       ObjectProvider<DatabaseTarget> target,
                                                                       ObjectProvider<LiteShiftMigrationStrategy> strategy) {
        String database = target.stream().map(DatabaseTarget::label).findFirst().orElse("the database of the application's LiteShift bean");
        return new LiteShiftMigrationInitializer(liteShift, strategy.getIfAvailable(), database, properties.location());
    }

    /** A refusal while the beans are made stops startup the way a refused migration does. */
    private static <T> T startup(String database, LiteShiftProperties properties, Supplier<T> make) {
        try {
            return make.get();
        } catch (LiteShiftException e) {
            throw new LiteShiftStartupException(database, properties.location(), e);
        }
    }

    /** There is something to migrate: a DataSource, or {@code spring.liteshift.url}. */
    static final class DatabaseCondition extends AnyNestedCondition {
        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "spring.liteshift", name = "url")
        static final class LiteShiftUrl {
        }
    }
}
