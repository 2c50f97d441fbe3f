package io.chatstream.localstack;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The launcher's own value forms as picocli converters. A refused value becomes one line naming the
 * option and the form it takes: {@code Invalid value for option '--restart': 'maybe' is not on or off}.
 */
final class StackOptionTypes {

    private StackOptionTypes() {
    }

    /**
     * A flag's attached value: {@code --fresh} alone means true; {@code --fresh=true} and
     * {@code --fresh=false} are accepted (any case, as picocli's own booleans), anything else refused.
     */
    static final class Flag implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                return Boolean.valueOf(value);
            }
            throw new TypeConversionException("'" + value + "' is not true or false (a flag takes no value,"
                    + " or =true / =false)");
        }
    }

    /** {@code on} or {@code off} ({@code true} and {@code false} are accepted as well). */
    static final class OnOff implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new TypeConversionException("'" + value + "' is not on or off");
            };
        }
    }

    /** A TCP port, 1 to 65535. */
    static final class PortNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = wholeNumber(value);
            if (port < 1 || port > 65535) {
                throw new TypeConversionException("'" + value + "' is not a port number (1 to 65535)");
            }
            return port;
        }
    }

    /** A whole number of at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = wholeNumber(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not a whole number >= 1");
            }
            return n;
        }
    }

    /** Instances per service, as {@link Scale#parse} reads them, with its messages. */
    static final class ScaleSpec implements ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            try {
                return Scale.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The number, or 0 (below every range here) when the text is none. */
    private static int wholeNumber(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
