package gallery.vision.ingress.access;

import gallery.vision.ingress.web.ApiErrorRenderer;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.Optional;

/**
 * Registers the {@link AccessFilter} in front of every route when access tokens are set; without them the filter is
 * registered disabled and every route stays open, as before. A plain servlet filter rather than Spring Security: one
 * header check and a counter need no framework, and Spring Security is not among the project's dependencies.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** Early, so a refused request is answered before anything reads its body; after Spring's observation filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(AccessProperties settings, ApiErrorRenderer renderer) {
        AccessTokens tokens = AccessTokens.load(settings);
        Optional<RateLimiter> limiter = tokens.required() && settings.rateLimited()
                ? Optional.of(new RateLimiter(settings.rateLimit(), tokens.count(), System::nanoTime))
                : Optional.empty();
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(
                new AccessFilter(tokens, settings.rateLimit(), limiter, renderer));
        registration.setName("accessFilter");
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/*");
        registration.setEnabled(tokens.required());
        if (!tokens.required()) {
            log.info("no access tokens set (API_TOKENS, API_TOKENS_FILE): every route is open to whoever reaches the port");
        } else {
            log.info("access tokens required on every route but the health probes: {} token(s) from {}; rate limit {}",
                    tokens.count(), settings.tokens() != null ? "API_TOKENS" : "API_TOKENS_FILE",
                    limiter.isPresent() ? settings.rateLimit() + " requests per second per token" : "off");
        }
        return registration;
    }
}
