package io.chatstream.localinfra;

/** A component's port is taken by another process. */
public class PortInUseException extends IllegalStateException {

    private final String component;
    private final int port;

    public PortInUseException(String component, int port) {
        super("port " + port + " for " + component + " is already in use; stop what listens there "
                + "(e.g. `ss -ltnp 'sport = :" + port + "'`) or choose another port");
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
