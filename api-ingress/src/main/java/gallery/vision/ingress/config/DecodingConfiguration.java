package gallery.vision.ingress.config;

import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.PixelBudget;
import gallery.vision.common.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decoding step of every request, in both modes: the {@link JpegDecoder} bean behind the pixel budget. The gauge
 * {@code gallery_vision_decode_pixels_in_use} shows the pixels claimed now, out of
 * {@code gallery_vision_decode_pixels_budget}.
 */
@Configuration(proxyBeanMethods = false)
public class DecodingConfiguration {

    @Bean
    BudgetedDecoder budgetedDecoder(JpegDecoder decoder, DecodeProperties decode) {
        return new BudgetedDecoder(decoder, new PixelBudget(decode.pixelBudget(), decode.maxWait()));
    }

    @Bean
    MeterBinder pixelBudgetMetrics(BudgetedDecoder decoder) {
        return registry -> {
            Gauge.builder(MetricNames.DECODE_PIXELS_IN_USE, decoder.budget(), PixelBudget::inUse)
                    .description("decoded pixels held now, out of DECODE_PIXEL_BUDGET")
                    .register(registry);
            Gauge.builder(MetricNames.DECODE_PIXELS_BUDGET, decoder.budget(), PixelBudget::capacity)
                    .description("DECODE_PIXEL_BUDGET: decoded pixels that may be held at once")
                    .register(registry);
        };
    }
}
