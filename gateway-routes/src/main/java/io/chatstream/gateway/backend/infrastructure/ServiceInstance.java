package io.chatstream.gateway.backend.infrastructure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** One instance of a service in a static list: {@code host:port}, an IPv6 address in brackets. */
record ServiceInstance(String host, int port) {

    private static final Pattern NAME_OR_IPV4 = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%]+");

    /** Throws IllegalArgumentException saying what is wrong with {@code entry}. */
    static ServiceInstance parse(String entry) {
        String e = entry.strip();
        if (e.isEmpty()) {
            throw new IllegalArgumentException("an entry is empty");
        }
        String host;
        String port;
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0 || close + 1 >= e.length() || e.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + e + "' is not [ipv6-address]:port");
            }
            host = e.substring(1, close);
            port = e.substring(close + 2);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + e + "' has no valid IPv6 address in brackets");
            }
        } else {
            int colon = e.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + e + "' has no port (host:port)");
            }
            host = e.substring(0, colon);
            port = e.substring(colon + 1);
            if (host.contains(":")) {
                throw new IllegalArgumentException("'" + e + "': write an IPv6 address in brackets, [::1]:9091");
            }
            if (!NAME_OR_IPV4.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + e + "' has no valid host name before the port");
            }
        }
        return new ServiceInstance(host, port(e, port));
    }

    /** The instance's addresses: a name is looked up now (this blocks), an IP address is taken as it is. */
    List<SocketAddress> addresses() throws UnknownHostException {
        return Arrays.stream(InetAddress.getAllByName(host))
                .map(address -> (SocketAddress) new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static int port(String entry, String port) {
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("'" + entry + "' has no port between 1 and 65535");
        }
        return Integer.parseInt(port);
    }
}
