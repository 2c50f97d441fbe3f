package io.chatstream.worker.deadletters.interfaces;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/** Route configuration {@code worker-ops-errors}: what escaped the beans, as JSON without its details. */
public final class OpsErrors {

    private static final Logger LOG = LoggerFactory.getLogger(OpsErrors.class);

    public void reply(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof DataAccessException || cause instanceof CamelExecutionException) {
            LOG.warn("ops API call failed: a dependency is unavailable: {}", cause.toString());
            OpsReplies.error(exchange, 503, "UNAVAILABLE", "Redis or Kafka is not reachable; try again");
            return;
        }
        LOG.error("ops API call failed", cause);
        OpsReplies.error(exchange, 500, "INTERNAL", "unexpected error; see the worker log");
    }
}
