package io.chatstream.command.outbox.infrastructure;

import io.chatstream.command.conversation.application.OutboxRelayTrigger;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the relay route by putting a token on its one-slot queue. A full queue means a run is
 * already pending and will see the new rows, so the token is dropped (see outbox-relay.camel.yaml).
 */
class CamelOutboxRelayTrigger implements OutboxRelayTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(CamelOutboxRelayTrigger.class);

    private final ProducerTemplate producer;
    private final String endpointUri;

    CamelOutboxRelayTrigger(ProducerTemplate producer, String endpointUri) {
        this.producer = producer;
        this.endpointUri = endpointUri;
    }

    @Override
    public void relayNow() {
        try {
            producer.sendBody(endpointUri, "trigger");
        } catch (RuntimeException e) {
            // The poll picks the rows up anyway; a lost wake-up only costs latency.
            LOG.warn("outbox relay trigger failed, the poll will relay: {}", e.toString());
        }
    }
}
