package gallery.vision.worker.evaluation.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How photos of one kind rank against each other. A kind is a tag; a photo may have several (a dog photo is tagged
 * {@code dog} and {@code animal}). For each tag that at least two photos carry, each of those photos is a query and
 * all other photos are ranked by cosine (most similar first, ties by index). Per tag: the mean rank of the other
 * photos with that tag (1 = best), the mean rank a random order would give ({@code photos / 2}), and precision@k
 * with k = the number of other photos with that tag (R-precision: 1.0 means they all come first). Tags are
 * reported by descending photo count, then by name.
 */
public final class SameKindRanking {

    /**
     * Result for one kind.
     *
     * @param kind          the kind
     * @param photos        how many photos have it
     * @param meanRank      mean rank of same-kind photos over all queries of this kind (1 = most similar)
     * @param chanceRank    the mean rank a random order would give
     * @param precisionAtK  mean share of same-kind photos among each query's first k results, k = photos - 1
     */
    public record KindResult(String kind, int photos, double meanRank, double chanceRank, double precisionAtK) {
    }

    private SameKindRanking() {
    }

    /** Tags that fewer than two photos carry are left out. */
    public static List<KindResult> evaluate(List<float[]> embeddings, List<List<String>> tags) {
        if (embeddings.size() != tags.size()) {
            throw new IllegalArgumentException("one tag list per embedding");
        }
        Map<String, List<Integer>> byKind = new TreeMap<>();
        for (int i = 0; i < tags.size(); i++) {
            for (String tag : tags.get(i)) {
                byKind.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        List<KindResult> results = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : byKind.entrySet()) {
            List<Integer> members = entry.getValue();
            if (members.size() < 2) {
                continue;
            }
            double rankSum = 0;
            long rankCount = 0;
            double precisionSum = 0;
            int k = members.size() - 1;
            for (int query : members) {
                List<Integer> order = rankOthers(query, embeddings);
                int hitsInTopK = 0;
                for (int position = 0; position < order.size(); position++) {
                    if (tags.get(order.get(position)).contains(entry.getKey())) {
                        rankSum += position + 1;
                        rankCount++;
                        if (position < k) {
                            hitsInTopK++;
                        }
                    }
                }
                precisionSum += (double) hitsInTopK / k;
            }
            double chance = embeddings.size() / 2.0;
            results.add(new KindResult(entry.getKey(), members.size(), rankSum / rankCount, chance,
                    precisionSum / members.size()));
        }
        results.sort(Comparator.comparingInt(KindResult::photos).reversed().thenComparing(KindResult::kind));
        return results;
    }

    private static List<Integer> rankOthers(int query, List<float[]> embeddings) {
        List<Integer> others = new ArrayList<>();
        double[] similarity = new double[embeddings.size()];
        for (int i = 0; i < embeddings.size(); i++) {
            if (i != query) {
                others.add(i);
                similarity[i] = Cosine.similarity(embeddings.get(query), embeddings.get(i));
            }
        }
        others.sort(Comparator.<Integer>comparingDouble(i -> -similarity[i]).thenComparingInt(i -> i));
        return others;
    }
}
