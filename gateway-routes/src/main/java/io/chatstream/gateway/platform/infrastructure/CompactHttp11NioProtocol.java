package io.chatstream.gateway.platform.infrastructure;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a configurable servlet response buffer. Tomcat sizes every
 * request's response buffer (a byte buffer and a char buffer of that many chars, so 3x the size in heap)
 * from {@link #getDesiredBufferSize()}, which the stock protocol leaves at Tomcat's 8 KiB default; an SSE
 * request keeps it for its whole life, and it flushes per event anyway, so a small one costs nothing.
 */
public class CompactHttp11NioProtocol extends Http11NioProtocol {

    private volatile int responseBufferSize = -1;

    /** Bytes (and chars) of each response's buffer; zero or negative = Tomcat's default. */
    public void setResponseBufferSize(int responseBufferSize) {
        this.responseBufferSize = responseBufferSize;
    }

    public int getResponseBufferSize() {
        return responseBufferSize;
    }

    @Override
    public int getDesiredBufferSize() {
        return responseBufferSize;
    }

    /** Per connection: the socket's read buffer (also part of the request header buffer). */
    public void setSocketReadBufferSize(int bytes) {
        getEndpoint().getSocketProperties().setAppReadBufSize(bytes);
    }

    public int getSocketReadBufferSize() {
        return getEndpoint().getSocketProperties().getAppReadBufSize();
    }

    /** Per connection: the socket's write buffer. */
    public void setSocketWriteBufferSize(int bytes) {
        getEndpoint().getSocketProperties().setAppWriteBufSize(bytes);
    }

    public int getSocketWriteBufferSize() {
        return getEndpoint().getSocketProperties().getAppWriteBufSize();
    }
}
