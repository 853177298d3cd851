package gallery.vision.cli.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawJsonTest {

    @Test
    void keepsEachMemberAsTheServerWroteIt() {
        String faces = "{\"srcSha1sum\":\"ab\",\"data\":[{\"age\":40.70,\"descriptor\":[2e-7,-0.0,1E+2]}],\"s\":\"}{\\\"\"}";
        String objects = "{ \"data\" : [ ] }";
        String body = "{\"id\":\"j1\",\"status\":\"done\",\"results\":{\"faces\":" + faces + ",\"objects\":" + objects
                + "},\"errors\":{}}";

        assertThat(RawJson.members(body, "results")).containsExactly(
                org.assertj.core.api.Assertions.entry("faces", faces),
                org.assertj.core.api.Assertions.entry("objects", objects));
    }

    @Test
    void findsTheFieldWhereverItIsAmongTheTopLevelFields() {
        String body = "{\"results\":{\"embeddings\":{\"data\":[1]}},\"nested\":{\"results\":{\"faces\":{}}},\"id\":\"x\"}";

        assertThat(RawJson.members(body, "results")).containsOnlyKeys("embeddings");
    }

    @Test
    void isEmptyWithoutTheField() {
        assertThat(RawJson.members("{\"id\":\"x\",\"status\":\"queued\"}", "results")).isEmpty();
    }
}
