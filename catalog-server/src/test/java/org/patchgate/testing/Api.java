package org.patchgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for integration tests: JSON in, {@link Reply} out, against the deployed server. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URL deploymentUrl) {
        String text = deploymentUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** The server's root, whatever the deployment's context path: {@code /health}, {@code /openapi} live there. */
    public URI root() {
        return base.resolve("/");
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Reply send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(path.startsWith("/") ? root().resolve(path) : base.resolve(path))
                .timeout(Duration.ofSeconds(30));
        try {
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the bearer token. */
    public String login(String username, String password) {
        Reply reply = send("POST", "/api/v1/auth/login", Map.of("username", username, "password", password), null, Map.of());
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("token").asText();
    }

    /** Waits until {@code /health/ready} answers 200: the server migrates in the background after deployment. */
    public void awaitReady() {
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                if (get("/health/ready", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // the listener may not accept connections yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the server did not become ready: " + get("/health/ready", null).body());
    }

    /** An HTTP response with its body as text and as JSON. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }
    }
}
