package io.liteshift.spring.boot;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link LiteShiftMigrationInitializer} initializes the database, so that every bean that
 * depends on database initialization is created after it. The same mechanism, in the same package, on Boot 3.5 and
 * 4.0 (registered in META-INF/spring.factories).
 */
class LiteShiftInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(LiteShiftMigrationInitializer.class);
    }
}
