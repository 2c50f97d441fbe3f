-- W3C trace context (traceparent) under which the PromptSubmitted was projected: the end of the
-- request's answer stream is logged (and traced) in the request's own trace. NULL outside a trace.
ALTER TABLE request_ownership ADD COLUMN traceparent VARCHAR(64) NULL AFTER turn;
