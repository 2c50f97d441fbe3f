package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards API request bodies before anything parses them: over {@code chat.http.max-body-bytes} is 413
 * BODY_TOO_LARGE; a body that is not UTF-8 is 400 MALFORMED_JSON; a declared
 * type other than UTF-8 JSON is 415 UNSUPPORTED_MEDIA_TYPE. The container would otherwise consume form
 * bodies itself, or a bogus charset would break the conversion: a 500 for bad input.
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isUtf8Json(request.getContentType())) {
            reject(response, new Rejection(GatewayCodes.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json (UTF-8)"));
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        // Read here (at most the limit): Camel then always gets a complete, well-formed UTF-8 body.
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(response);
            return;
        }
        if (!isUtf8(body)) {
            reject(response, new Rejection(GatewayCodes.MALFORMED_JSON, "the request body is not valid UTF-8 JSON"));
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** No declared type is accepted as JSON (curl, simple clients); a declared one must be JSON in UTF-8. */
    static boolean isUtf8Json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset") && (param.length < 2
                    || !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        reject(response, new Rejection(GatewayCodes.BODY_TOO_LARGE, "request body exceeds " + maxBytes + " bytes"));
    }

    private static void reject(HttpServletResponse response, Rejection rejection) throws IOException {
        // Keep-alive would make the container drain the unread body first; closing is cheaper.
        response.setHeader("Connection", "close");
        ServletReplies.error(response, rejection);
    }

    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /** JSON is UTF-8; saying so keeps Camel from decoding with the JVM's default charset. */
        @Override
        public String getContentType() {
            return "application/json;charset=UTF-8";
        }

        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
