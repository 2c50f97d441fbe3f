package io.chatstream.query.infrastructure;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/** Commits the offset of the record an exchange came from, once its projection is stored (or skipped). */
public class KafkaOffsets {

    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getIn().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
