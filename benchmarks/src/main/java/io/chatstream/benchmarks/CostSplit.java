package io.chatstream.benchmarks;

/**
 * Product CPU per turn and per chunk from two runs at the same prompt rate with a short and a long answer:
 * each run's CPU per turn is {@code turn + chunks × chunk}, so the two equations give both. In milliseconds.
 */
record CostSplit(double perChunkMillis, double perTurnMillis) {

    static CostSplit of(int shortChunks, double shortMillisPerTurn, int longChunks, double longMillisPerTurn) {
        if (longChunks <= shortChunks) {
            throw new IllegalArgumentException("the second answer length must be the longer: " + shortChunks
                    + ", " + longChunks);
        }
        double perChunk = (longMillisPerTurn - shortMillisPerTurn) / (longChunks - shortChunks);
        return new CostSplit(perChunk, shortMillisPerTurn - shortChunks * perChunk);
    }

    double perChunkMicros() {
        return perChunkMillis * 1000;
    }
}
