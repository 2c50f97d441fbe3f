package io.chatstream.contracts;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * The JSON form of Kafka event payloads: proto3 JSON with the proto field names
 * (snake_case), defaults omitted, unknown fields ignored on read.
 */
public final class EventJson {

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private EventJson() {
    }

    public static String write(MessageOrBuilder event) {
        try {
            return PRINTER.print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("event cannot be printed as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code json} into a fresh builder of the given type.
     *
     * @throws UnreadableEventException when the text is not a JSON object of that message
     */
    @SuppressWarnings("unchecked")
    public static <T extends Message> T read(String json, T defaultInstance) {
        if (json == null || json.isBlank()) {
            throw new UnreadableEventException("empty event payload");
        }
        Message.Builder builder = defaultInstance.newBuilderForType();
        try {
            PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new UnreadableEventException(
                    "not a " + defaultInstance.getDescriptorForType().getName() + " event: " + e.getMessage(), e);
        }
        return (T) builder.build();
    }
}
