package org.patchgate.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP/1.1 server on loopback that answers each connection with the next scripted responder, so
 * tests can misbehave in ways a real server library will not: close mid-body, stall, trickle.
 */
public final class ScriptedServer implements AutoCloseable {

    /** Writes a response; returns whether to close the connection afterwards (false = leave it hanging). */
    @FunctionalInterface
    public interface Responder {
        boolean respond(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Queue<Responder> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> hanging = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ScriptedServer(Responder... responders) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        script.addAll(List.of(responders));
        acceptor = new Thread(this::serve, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Request heads received so far, in order. */
    public List<String> requests() {
        return requests;
    }

    /** Status line and headers with Connection: close; {@code extra} lines each end in CRLF. */
    public static byte[] head(String status, String extra) {
        return ("HTTP/1.1 " + status + "\r\n" + extra + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void serve() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                String head = readHead(connection.getInputStream());
                requests.add(head);
                Responder responder = script.poll();
                boolean close = responder == null
                        ? respondMissing(connection.getOutputStream())
                        : responder.respond(head, connection.getOutputStream());
                connection.getOutputStream().flush();
                if (close) {
                    connection.close();
                } else {
                    hanging.add(connection);
                }
            } catch (IOException e) {
                closeQuietly(connection);
            } catch (InterruptedException e) {
                closeQuietly(connection);
                return;
            }
        }
    }

    private static boolean respondMissing(OutputStream out) throws IOException {
        out.write(head("500 Unscripted", "Content-Length: 0\r\n"));
        return true;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // test teardown
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        hanging.forEach(ScriptedServer::closeQuietly);
        acceptor.interrupt();
    }
}
