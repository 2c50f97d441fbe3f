package io.chatstream.identity.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the provider can tell: keeps cookies, asks for HTML, and does NOT follow redirects, so a
 * test sees every hop. Also speaks to the token endpoints as the gateway would (form posts with basic auth).
 */
final class Browser {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Browser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    HttpResponse<String> getWithBearer(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** A form post authenticated with HTTP basic (client_secret_basic), as the gateway calls /oauth2/token. */
    HttpResponse<String> postFormAsClient(String path, String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    List<HttpCookie> cookies() {
        return cookies.getCookieStore().get(URI.create(base));
    }

    /** The CSRF token of the (first) form on a page. */
    static String csrf(HttpResponse<String> page) {
        Matcher input = CSRF_INPUT.matcher(page.body());
        if (!input.find()) {
            throw new AssertionError("no _csrf field on " + page.uri() + ":\n" + page.body());
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new AssertionError("the _csrf field has no value: " + input.group());
        }
        return value.group(1);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location on " + response.statusCode() + " from "
                        + response.uri() + ":\n" + response.body()));
    }

    /** The query parameters of a URL, decoded. */
    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
