package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.application.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Transactions} on the Spring JDBC transaction manager. */
class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    SpringTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
