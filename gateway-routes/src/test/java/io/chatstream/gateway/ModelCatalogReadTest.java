package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The model catalog a send is checked against is read again in the background, once, never by each send. */
@TestPropertySource(properties = "chat.models.cache-for=100ms")
class ModelCatalogReadTest extends GatewayTestSupport {

    private static final String SEND = "{\"prompt\":\"hi\",\"model\":\"qwen-plus\"}";

    @Test
    @DisplayName("when the catalog's period has ended and the query service does not answer, eight sends at once are "
            + "all accepted with the last catalog and cause one read of it, not eight")
    void sendsDoNotWaitForTheCatalog() throws Exception {
        assertThat(post("/api/chat/send", SEND, devToken("catalog-0")).statusCode()).isEqualTo(202);
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            tokens.add(devToken("catalog-" + i));
        }
        CountDownLatch hold = new CountDownLatch(1);
        FAKES.query.holdModels = hold;
        try {
            Thread.sleep(300);
            int readsBefore = FAKES.query.modelReads.get();
            List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
            for (String token : tokens) {
                HttpRequest send = request("/api/chat/send", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(SEND)).build();
                sends.add(http.sendAsync(send, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> s : sends) {
                assertThat(s.get().statusCode()).as(s.get().body()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> FAKES.query.modelReads.get() > readsBefore);
            assertThat(FAKES.query.modelReads.get() - readsBefore).isEqualTo(1);
        } finally {
            FAKES.query.holdModels = null;
            hold.countDown();
        }
    }
}
