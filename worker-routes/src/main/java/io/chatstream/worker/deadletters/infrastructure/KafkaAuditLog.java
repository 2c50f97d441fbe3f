package io.chatstream.worker.deadletters.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AuditRecord;
import io.chatstream.worker.deadletters.application.AuditLog;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;

/** Appends AuditRecord JSON to {@code chat.audit.log} through the route {@code worker-dlq-audit}; returns once acknowledged. */
public final class KafkaAuditLog implements AuditLog {

    private final ProducerTemplate producer;
    private final String endpoint;

    public KafkaAuditLog(ProducerTemplate producer, String endpoint) {
        this.producer = producer;
        this.endpoint = endpoint;
    }

    @Override
    public void append(Entry entry) {
        AuditRecord record = AuditRecord.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAction(entry.action())
                .setActor(entry.actor())
                .setTarget(entry.target())
                .setResult(entry.result())
                .setDetail(entry.detail())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(entry.occurredAt().getEpochSecond())
                        .setNanos(entry.occurredAt().getNano()))
                .build();
        producer.sendBody(endpoint, EventJson.write(record));
    }
}
