package org.patchgate.content;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The JDK's HTTP server on a loopback port, recording every request path it gets. */
public final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    public LoopbackHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    public LoopbackHttpServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Serves {@code bytes} with a Content-Length. */
    public LoopbackHttpServer serve(String path, byte[] bytes) {
        return on(path, exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    /** Answers {@code status} with a Location header. */
    public LoopbackHttpServer redirect(String path, int status, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    /** Sends {@code bytes} chunked (no Content-Length), in pieces. */
    public static void sendChunked(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < bytes.length; i += 8192) {
            out.write(bytes, i, Math.min(8192, bytes.length - i));
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Paths requested so far, in order. */
    public List<String> requestedPaths() {
        return paths;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
