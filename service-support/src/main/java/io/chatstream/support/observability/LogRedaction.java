package io.chatstream.support.observability;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Last line of defence for the JSON logs (logging.structured.json.customizer): whatever a library
 * or an exception message lets slip, bearer tokens, JWTs, DashScope keys and {@code key=value}
 * secrets are masked in every string member before the line is written ({@link SecretMask}).
 */
public class LogRedaction implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SecretMask::mask));
    }
}
