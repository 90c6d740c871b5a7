package io.liteshift.spring.boot;

import io.liteshift.LiteShift;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code liteshift} health indicator on Spring Boot 4 (health API in org.springframework.boot.health.contributor). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
@ConditionalOnEnabledHealthIndicator("liteshift")
class Boot4Health {

    @Bean
    @ConditionalOnMissingBean(name = "liteshiftHealthIndicator")
    Indicator liteshiftHealthIndicator(LiteShift liteShift) {
        return new Indicator(liteShift);
    }

    static final class Indicator extends AbstractHealthIndicator {
        private final LiteShift liteShift;

        Indicator(LiteShift liteShift) {
            this.liteShift = liteShift;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            HealthVerdict verdict = HealthVerdict.of(liteShift);
            (verdict.up() ? builder.up() : builder.down()).withDetails(verdict.details());
        }
    }
}
