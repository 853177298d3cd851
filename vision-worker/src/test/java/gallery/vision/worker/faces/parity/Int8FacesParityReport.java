package gallery.vision.worker.faces.parity;

import gallery.vision.common.image.RgbImage;
import gallery.vision.common.models.ModelPrecision;
import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import gallery.vision.worker.faces.FaceAnalyzer;
import gallery.vision.worker.faces.FaceModelFiles;
import gallery.vision.worker.faces.FaceNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Report (a plain main, not a test): the parity loss of the int8 face networks, on every end-to-end face-api fixture
 * ({@code parity/faces/e2e}), as the worst and mean per-face differences of fp32 vs face-api, int8 vs face-api and
 * int8 vs fp32: faces found, aligned box IoU and score, age, gender, expression, landmarks, descriptor distance.
 * Faces are paired by best box IoU. Fixtures of the calibration photos ({@code sample1..3}) are marked. Numbers go to
 * {@code docs/int8.md}. Arguments (optional): the networks to run in int8, the others in fp32 (to attribute the
 * loss). Run (vision-worker, after the build):
 * {@code mvn -q -o -pl vision-worker exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=gallery.vision.worker.faces.parity.Int8FacesParityReport}
 */
public final class Int8FacesParityReport {

    private static final List<String> CALIBRATION = List.of("sample1.json", "sample2.json", "sample3.json");

    private Int8FacesParityReport() {
    }

    /** Worst and summed differences of one comparison. */
    private static final class Stats {
        int images, imagesSameCount, faces, genderSame;
        double minIou = 1, maxScore, maxAge, maxExpression, maxLandmarkPx, maxDescriptor, sumDescriptor, sumAge;

        void add(JsonNode want, JsonNode got) {
            images++;
            if (want.size() == got.size()) {
                imagesSameCount++;
            }
            List<Integer> used = new ArrayList<>();
            for (JsonNode w : want) {
                int best = -1;
                double bestIou = 0;
                for (int j = 0; j < got.size(); j++) {
                    double iou = iou(w.get("alignedRect").get("box"), got.get(j).get("alignedRect").get("box"));
                    if (!used.contains(j) && iou > bestIou) {
                        best = j;
                        bestIou = iou;
                    }
                }
                if (best < 0) {
                    minIou = 0;
                    continue;
                }
                used.add(best);
                JsonNode g = got.get(best);
                faces++;
                minIou = Math.min(minIou, bestIou);
                maxScore = Math.max(maxScore, diff(w.get("alignedRect"), g.get("alignedRect"), "score"));
                double age = diff(w, g, "age");
                maxAge = Math.max(maxAge, age);
                sumAge += age;
                genderSame += w.get("gender").asString().equals(g.get("gender").asString()) ? 1 : 0;
                for (var e : w.get("expressions").properties()) {
                    maxExpression = Math.max(maxExpression,
                            Math.abs(e.getValue().asDouble() - g.get("expressions").get(e.getKey()).asDouble()));
                }
                JsonNode wp = w.get("landmarks").get("positions"), gp = g.get("landmarks").get("positions");
                for (int p = 0; p < wp.size(); p++) {
                    maxLandmarkPx = Math.max(maxLandmarkPx, Math.hypot(
                            wp.get(p).get("x").asDouble() - gp.get(p).get("x").asDouble(),
                            wp.get(p).get("y").asDouble() - gp.get(p).get("y").asDouble()));
                }
                double sum = 0;
                for (int d = 0; d < w.get("descriptor").size(); d++) {
                    double x = w.get("descriptor").get(d).asDouble() - g.get("descriptor").get(d).asDouble();
                    sum += x * x;
                }
                maxDescriptor = Math.max(maxDescriptor, Math.sqrt(sum));
                sumDescriptor += Math.sqrt(sum);
            }
        }

        String row(String what) {
            return String.format(Locale.ROOT, "| %s | %d/%d | %d | %.3f | %.4f | %.2f (mean %.2f) | %d/%d | %.3f | %.2f "
                            + "| %.4f (mean %.4f) |", what, imagesSameCount, images, faces, minIou, maxScore, maxAge,
                    sumAge / Math.max(1, faces), genderSame, faces, maxExpression, maxLandmarkPx, maxDescriptor,
                    sumDescriptor / Math.max(1, faces));
        }
    }

    public static void main(String[] args) throws Exception {
        ModelFiles files = ModelFiles.fromEnvironment();
        FaceNetworks fp32 = load(files.withPrecision(ModelPrecision.FP32));
        ModelFiles int8Files = files.withPrecision(ModelPrecision.INT8);
        List<String> only = args.length > 0 ? List.of(args) : FaceModelFiles.NAMES; // int8 for these, fp32 others
        FaceNetworks int8 = FaceNetworks.load(FaceModelFiles.find(name -> only.contains(name)
                ? int8Files.path(name) : files.withPrecision(ModelPrecision.FP32).path(name)).orElseThrow(
                        () -> new IllegalStateException("the int8 face models are not built")),
                OnnxRuntimeProperties.withThreads(2));
        Stats[][] stats = new Stats[2][3];
        for (Stats[] s : stats) {
            for (int i = 0; i < 3; i++) {
                s[i] = new Stats();
            }
        }
        for (ParityFixtures.Fixture f : ParityFixtures.list("e2e")) {
            RgbImage image;
            try {
                image = ParityImages.load(f.json());
            } catch (RuntimeException | AssertionError e) {
                System.out.println("skipped " + f.name() + ": " + e.getMessage());
                continue;
            }
            JsonNode faceApi = f.json().get("faces");
            JsonNode a = ParityFixtures.JSON.valueToTree(new FaceAnalyzer(fp32).analyze(image));
            JsonNode b = ParityFixtures.JSON.valueToTree(new FaceAnalyzer(int8).analyze(image));
            Stats[] s = stats[CALIBRATION.contains(f.name()) ? 1 : 0];
            s[0].add(faceApi, a);
            s[1].add(faceApi, b);
            s[2].add(a, b);
        }
        System.out.println("| comparison | images, same face count | faces paired | min box IoU | max score diff "
                + "| max age diff (years) | same gender | max expression diff | max landmark px | max descriptor "
                + "distance |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        String[] names = {"fp32 vs face-api", "int8 vs face-api", "int8 vs fp32"};
        String[] sets = {"held-out", "calibration photos"};
        for (int set = 0; set < 2; set++) {
            for (int c = 0; c < 3; c++) {
                System.out.println(stats[set][c].row(names[c] + ", " + sets[set]));
            }
        }
        fp32.close();
        int8.close();
    }

    private static FaceNetworks load(ModelFiles files) {
        return FaceNetworks.load(FaceModelFiles.find(files::path).orElseThrow(
                () -> new IllegalStateException("the " + files.precision() + " face models are not built")),
                OnnxRuntimeProperties.withThreads(2));
    }

    private static double diff(JsonNode a, JsonNode b, String field) {
        return Math.abs(a.get(field).asDouble() - b.get(field).asDouble());
    }

    private static double iou(JsonNode a, JsonNode b) {
        double ax = a.get("x").asDouble(), ay = a.get("y").asDouble();
        double aw = a.get("width").asDouble(), ah = a.get("height").asDouble();
        double bx = b.get("x").asDouble(), by = b.get("y").asDouble();
        double bw = b.get("width").asDouble(), bh = b.get("height").asDouble();
        double iw = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx));
        double ih = Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
        double inter = iw * ih;
        return inter <= 0 ? 0 : inter / (aw * ah + bw * bh - inter);
    }
}
