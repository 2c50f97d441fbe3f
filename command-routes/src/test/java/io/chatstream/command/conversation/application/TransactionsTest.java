package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import io.chatstream.command.conversation.domain.RequestAlreadyRecorded;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private final AtomicInteger transactions = new AtomicInteger();
    private final Transactions counting = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactions.incrementAndGet();
            return work.get();
        }
    };

    @Test
    @DisplayName("a lost optimistic-lock race is run again in a new transaction, and its result returned")
    void retriesAConflict() {
        AtomicInteger calls = new AtomicInteger();

        String result = counting.retryingConflicts(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConcurrentSessionChange("lost " + calls.get());
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(transactions).hasValue(3);
    }

    @Test
    @DisplayName("after the last attempt the last conflict is thrown; any other exception ends it at once")
    void givesUp() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> counting.retryingConflicts(() -> {
            throw new ConcurrentSessionChange("lost " + calls.incrementAndGet());
        })).isInstanceOf(ConcurrentSessionChange.class).hasMessage("lost " + Transactions.CONFLICT_ATTEMPTS);

        transactions.set(0);
        assertThatThrownBy(() -> counting.retryingConflicts(() -> {
            throw new RequestAlreadyRecorded("taken");
        })).isInstanceOf(RequestAlreadyRecorded.class);
        assertThat(transactions).hasValue(1);
    }
}
