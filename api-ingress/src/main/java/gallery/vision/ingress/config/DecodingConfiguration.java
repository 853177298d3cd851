package gallery.vision.ingress.config;

import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.PixelBudget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decoding step of every request, in both modes: the {@link JpegDecoder} bean behind the pixel budget. The gauge
 * {@code gallery.decode.pixels.in.use} shows the pixels claimed now.
 */
@Configuration(proxyBeanMethods = false)
public class DecodingConfiguration {

    @Bean
    BudgetedDecoder budgetedDecoder(JpegDecoder decoder, DecodeProperties decode) {
        return new BudgetedDecoder(decoder, new PixelBudget(decode.pixelBudget(), decode.maxWait()));
    }

    @Bean
    MeterBinder pixelBudgetMetrics(BudgetedDecoder decoder) {
        return registry -> Gauge.builder("gallery.decode.pixels.in.use", decoder.budget(), PixelBudget::inUse)
                .description("decoded pixels held now (DECODE_PIXEL_BUDGET)")
                .register(registry);
    }
}
