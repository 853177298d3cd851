package gallery.vision.worker.faces.answer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaceAnswerJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static List<PointAnswer> points(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new PointAnswer(i, i)).toList();
    }

    private static FaceAnswer face(ExpressionsAnswer expressions) {
        LandmarksAnswer landmarks = new LandmarksAnswer(points(68), points(6), points(5), points(6), points(5),
                points(20), points(9), points(17), points(3));
        return new FaceAnswer(new AlignedRectAnswer(new BoxAnswer(1.5, 2, 3, 4), 0.9825689196586609f), "male",
                0.5, 40.70022201538086, expressions, landmarks, new double[] {0.25f, -1});
    }

    @Test
    void writesTheSeedsFieldNamesInItsOrderAndFloatsAsJavaScriptPrintsThem() {
        String text = json.writeValueAsString(face(ExpressionsAnswer.of(new float[] {0.7269296646118164f, 0, 0, 0,
                0, 0, 5.291645265970146e-06f})));
        assertThat(text).startsWith("{\"alignedRect\":{\"box\":{\"x\":1.5,\"y\":2.0,\"width\":3.0,\"height\":4.0},"
                + "\"score\":0.9825689196586609},\"gender\":\"male\",\"genderProbability\":0.5,"
                + "\"age\":40.70022201538086,\"expressions\":{\"neutral\":0.7269296646118164,\"happy\":0.0,");
        assertThat(text).contains("\"surprised\":5.291645265970146E-6}");
        assertThat(text).contains("\"landmarks\":{\"positions\":[{\"x\":0.0,\"y\":0.0},");
        assertThat(text).contains("],\"leftEye\":[").contains("],\"leftEyeBrow\":[").contains("],\"rightEye\":[")
                .contains("],\"rightEyeBrow\":[").contains("],\"mouth\":[").contains("],\"nose\":[")
                .contains("],\"jawOutline\":[").contains("],\"refPointsForAlignment\":[");
        assertThat(text).endsWith("\"descriptor\":[0.25,-1.0]}");
    }

    @Test
    void leavesOutExpressionsWhenFaceApiHadNone() {
        assertThat(json.writeValueAsString(face(null))).doesNotContain("expressions");
    }
}
