package gallery.vision.ingress.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP test of the ingress in embedded mode: the whole application on a random port of the loopback interface,
 * with a fresh {@code DATA_DIR} of its own, so that no test sees another's stored answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "server.address=127.0.0.1",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}"})
public @interface EmbeddedIngressTest {

    /** Further settings of the test, as {@code NAME=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
