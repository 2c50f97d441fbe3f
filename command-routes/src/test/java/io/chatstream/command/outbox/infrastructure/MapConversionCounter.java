package io.chatstream.command.outbox.infrastructure;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Counts the conversions to {@link Map} that reach Camel's slow path (no cached converter: fallbacks,
 * then {@code TypeResolverHelper.tryAssignableFrom}, the frames the JFR profile showed). Registered as
 * a fallback converter that never converts. Needed because camel-sql uses {@code tryConvertTo}, whose
 * misses Camel's type-converter statistics do not count.
 */
public final class MapConversionCounter extends TypeConverterSupport {

    private final AtomicLong slowPath = new AtomicLong();

    public static MapConversionCounter install(CamelContext camel) {
        MapConversionCounter counter = new MapConversionCounter();
        camel.getTypeConverterRegistry().addFallbackTypeConverter(counter, false);
        return counter;
    }

    @Override
    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
        if (type == Map.class) {
            slowPath.incrementAndGet();
        }
        return null;
    }

    public long count() {
        return slowPath.get();
    }

    public void reset() {
        slowPath.set(0);
    }
}
