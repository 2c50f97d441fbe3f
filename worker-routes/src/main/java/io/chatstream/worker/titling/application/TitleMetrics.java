package io.chatstream.worker.titling.application;

/** Port: what operators watch about titles. */
public interface TitleMetrics {

    void suggested();

    /** The model failed, timed out or gave nothing usable ({@code reason} a stable code). */
    void failed(String reason);

    /** Does nothing: for tests that do not look at metrics. */
    TitleMetrics NONE = new TitleMetrics() {
        @Override
        public void suggested() {
        }

        @Override
        public void failed(String reason) {
        }
    };
}
