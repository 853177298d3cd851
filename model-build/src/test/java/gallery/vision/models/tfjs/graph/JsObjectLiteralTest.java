package gallery.vision.models.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsObjectLiteralTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void turnsAMinifiedBundlerLiteralIntoStrictJson() {
        String js = "{format:\"graph-model\",a:{b:!0,c:!1},n:[.5,-.25,1e-3],\"q\":'x,y:z',s:\"{!0}\"}";

        JsonNode n = JSON.readTree(JsObjectLiteral.toJson(js));

        assertThat(n.path("format").asString()).isEqualTo("graph-model");
        assertThat(n.path("a").path("b").asBoolean()).isTrue();
        assertThat(n.path("a").path("c").asBoolean()).isFalse();
        assertThat(n.path("n").get(0).asDouble()).isEqualTo(0.5);
        assertThat(n.path("n").get(1).asDouble()).isEqualTo(-0.25);
        assertThat(n.path("q").asString()).isEqualTo("x,y:z");
        assertThat(n.path("s").asString()).as("strings are copied unchanged").isEqualTo("{!0}");
    }

    @Test
    void findsTheEndOfTheExportedValueSkippingBracesInStrings() {
        String js = "a.exports={x:\"}\",y:[1,{z:2}]},{}]";

        assertThat(js.substring(10, JsObjectLiteral.endOfValue(js, 10))).isEqualTo("{x:\"}\",y:[1,{z:2}]}");
    }
}
