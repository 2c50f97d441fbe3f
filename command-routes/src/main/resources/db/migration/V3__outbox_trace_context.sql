-- W3C trace context (traceparent) of the request that wrote the row; the relay puts it on the Kafka
-- record, so the trace continues from the submit even though the relay runs later on its own thread.
-- NULL for rows written outside a trace.
ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(64) NULL AFTER payload;
