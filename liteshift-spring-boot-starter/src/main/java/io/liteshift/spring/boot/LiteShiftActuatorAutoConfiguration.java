package io.liteshift.spring.boot;

import io.liteshift.LiteShift;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * With Spring Boot Actuator: the {@code liteshift} endpoint and health indicator. The endpoint API is the same on
 * both Boot lines; the health API moved in Boot 4, so each line has its own small configuration, selected by which
 * health classes are present.
 */
@AutoConfiguration(after = LiteShiftAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnSingleCandidate(LiteShift.class)
@Import({Boot3Health.class, Boot4Health.class})
public class LiteShiftActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = LiteShiftEndpoint.class)
    public LiteShiftEndpoint liteShiftEndpoint(LiteShift liteShift) {
        return new LiteShiftEndpoint(liteShift);
    }
}
