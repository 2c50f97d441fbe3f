package io.chatstream.benchmarks;

/**
 * What a turn and a chunk cost, from two runs at the same prompt rate with a short and a long answer: each run's
 * cost per turn is {@code turn + chunks × chunk}, so the two equations give both. In the unit of the per-turn
 * figures given (CPU milliseconds, context switches).
 */
record CostSplit(double perChunk, double perTurn) {

    static CostSplit of(int shortChunks, double shortPerTurn, int longChunks, double longPerTurn) {
        if (longChunks <= shortChunks) {
            throw new IllegalArgumentException("the second answer length must be the longer: " + shortChunks
                    + ", " + longChunks);
        }
        double perChunk = (longPerTurn - shortPerTurn) / (longChunks - shortChunks);
        return new CostSplit(perChunk, shortPerTurn - shortChunks * perChunk);
    }
}
