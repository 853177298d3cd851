package gallery.vision.worker.objects;

import gallery.vision.common.image.RgbImage;
import gallery.vision.worker.models.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped detector (real converted model) on face-api's demo photos: group photos of people. */
class ObjectAnalyzerTest {

    private static ObjectAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new ObjectAnalyzer(TestModels.load(ObjectsConfiguration.DETECTOR.name()),
                ObjectsConfiguration.DETECTOR,
                ScoreCalibration.forDetector(ObjectsConfiguration.DETECTOR.name()), false);
    }

    @AfterAll
    static void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample6.jpg"})
    void findsPeopleAsPersonWithScoreAbove0point6(String photo) throws Exception {
        assertFindsPersonAbove(photo, 0.6);
    }

    /**
     * CenterNet's raw scores run lower than coco-ssd's (docs/model-choice.md): on these three group photos (dinner
     * table, crowded scenes) its best person's raw score is 0.43-0.52; calibrated, it passes Home Gallery's 0.6 cut.
     * These three photos are in the calibration's training part (tools/eval-photos, EvalSplit), so this checks that
     * the shipped table is applied, not how well it generalises (docs/evaluation/calibration.md does that).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sample3.jpg", "sample4.jpg", "sample5.jpg"})
    void findsPeopleInCrowdedGroupPhotosAsPersonWithCalibratedScoreAbove0point6(String photo) throws Exception {
        assertFindsPersonAbove(photo, 0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample3.jpg"})
    void keepsTheNetworksRawScoreBesideTheCalibratedOne(String photo) throws Exception {
        List<DetectedObject> objects = analyzer.analyze(TestModels.demoPhoto(photo));

        ScoreCalibration shipped = ScoreCalibration.forDetector(ObjectsConfiguration.DETECTOR.name());
        assertThat(objects).allSatisfy(d -> {
            assertThat(d.rawScore()).isBetween((double) CocoSsdAnswer.MIN_SCORE, 1.0);
            assertThat(d.rivalScore()).isBetween(0.0, d.rawScore());
            assertThat(d.score()).isEqualTo(shipped.calibrate(d.className(), d.rawScore(), d.rivalScore()));
        });
    }

    /** OBJECTS_FLIP=true: the network also sees the mirror image; answers are calibrated by the flip mode's table. */
    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample3.jpg"})
    void withFlipTestTimeAugmentationCalibratesByTheFlipModesOwnTable(String photo) throws Exception {
        String name = ObjectsConfiguration.DETECTOR.name();
        ScoreCalibration flipTable = ScoreCalibration.forDetector(name, true);
        try (ObjectAnalyzer flip = new ObjectAnalyzer(TestModels.load(name), ObjectsConfiguration.DETECTOR,
                flipTable, true)) {
            List<DetectedObject> objects = flip.analyze(TestModels.demoPhoto(photo));

            assertThat(flipTable).isNotSameAs(ScoreCalibration.NONE);
            assertThat(objects).anySatisfy(d -> {
                assertThat(d.className()).isEqualTo("person");
                assertThat(d.score()).isGreaterThan(0.6);
            });
            assertThat(objects).allSatisfy(d -> assertThat(d.score())
                    .isEqualTo(flipTable.calibrate(d.className(), d.rawScore(), d.rivalScore())));
        }
    }

    private static void assertFindsPersonAbove(String photo, double minScore) throws Exception {
        List<DetectedObject> objects = analyzer.analyze(TestModels.demoPhoto(photo));

        assertThat(objects).anySatisfy(d -> {
            assertThat(d.className()).isEqualTo("person");
            assertThat(d.score()).isGreaterThan(minScore);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample3.jpg"})
    void answersInCocoSsdShapeWithinThePostedImage(String photo) throws Exception {
        RgbImage image = TestModels.demoPhoto(photo);

        List<DetectedObject> objects = analyzer.analyze(image);

        assertThat(objects).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(objects).extracting(DetectedObject::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(objects).allSatisfy(d -> {
            assertThat(d.score()).isBetween(0.0, 1.0);
            assertThat(CocoClasses.all()).contains(d.className());
            double[] b = d.bbox();
            assertThat(b).hasSize(4);
            assertThat(b[0]).isBetween(0.0, (double) image.width());
            assertThat(b[1]).isBetween(0.0, (double) image.height());
            assertThat(b[2]).isPositive().isLessThanOrEqualTo(image.width() - b[0] + 1e-6);
            assertThat(b[3]).isPositive().isLessThanOrEqualTo(image.height() - b[1] + 1e-6);
        });
    }
}
