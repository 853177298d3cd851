package gallery.vision.ingress.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The ingress' own meters beside Spring Boot's: the analysis request timer, in both modes. The stored-answer
 * counters wrap each mode's {@code StoredAnswers} bean ({@link CountingStoredAnswers}), the jobs-waiting gauges sit
 * with each mode's queues, the pixel budget's with the decoder. Where {@code /actuator/prometheus} is served and who
 * may read it: {@code docs/operations.md}.
 */
@Configuration(proxyBeanMethods = false)
public class IngressMetricsConfiguration {

    /** Before the access filter (HIGHEST_PRECEDENCE + 10), so that refused requests are timed too. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<RequestMetricsFilter> registration =
                new FilterRegistrationBean<>(new RequestMetricsFilter(registry));
        registration.setName("requestMetricsFilter");
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
