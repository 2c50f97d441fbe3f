package io.chatstream.query.projection.infrastructure;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The projections' positions in their topics. Called by the projection routes once an event is projected (or
 * skipped as unreadable): commits the offset of the record the exchange came from (manual commit), so a restart
 * resumes after it and never before an event that is not yet in the read model.
 */
public class ProjectionPositions {

    /** Moves the projection's position past the exchange's record. */
    public void advance(Exchange exchange) {
        KafkaManualCommit commit = exchange.getIn().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
