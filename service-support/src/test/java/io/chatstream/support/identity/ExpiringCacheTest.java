package io.chatstream.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    @DisplayName("a value is returned until its expiry, which is exclusive, and not after")
    void expiry() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", T0.plusSeconds(30), T0);

        assertThat(cache.get("k", T0)).isEqualTo("v");
        assertThat(cache.get("k", T0.plusSeconds(29))).isEqualTo("v");
        assertThat(cache.get("k", T0.plusSeconds(30))).isNull();
        assertThat(cache.get("other", T0)).isNull();
    }

    @Test
    @DisplayName("past pruneAt entries, the expired ones go before a new one is added and the live ones stay")
    void prunesExpired() {
        ExpiringCache<Integer, String> cache = new ExpiringCache<>(10);
        for (int i = 0; i < 8; i++) {
            cache.put(i, "old", T0.plusSeconds(1), T0);
        }
        for (int i = 8; i < 11; i++) {
            cache.put(i, "live", T0.plusSeconds(60), T0);
        }
        assertThat(cache.size()).isEqualTo(11);

        Instant later = T0.plusSeconds(2);
        cache.put(11, "new", later.plusSeconds(60), later);

        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.get(8, later)).isEqualTo("live");
        assertThat(cache.get(11, later)).isEqualTo("new");
    }

    @Test
    @DisplayName("when more than half would stay after pruning, everything goes: the cache stays bounded")
    void clearsWhenMostAreLive() {
        ExpiringCache<Integer, String> cache = new ExpiringCache<>(10);
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "live", T0.plusSeconds(60), T0);
            assertThat(cache.size()).isLessThanOrEqualTo(11);
        }
        assertThat(cache.get(999, T0)).isEqualTo("live");
    }

    @Test
    void refusesATinyBound() {
        assertThatThrownBy(() -> new ExpiringCache<>(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
