package dev.lakesetup.databricks.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers however a test tells it to, byte by byte: redirects elsewhere,
 * lies about the length, trickles, never ends. It records every request it receives (line and headers).
 */
final class HostileServer implements AutoCloseable {
    /** Writes the raw answer to one request. */
    @FunctionalInterface
    interface Answer {
        void write(Received request, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request as received: its request line and its headers, names in lower case. */
    record Received(String line, Map<String, String> headers) {
        String path() {
            return line.split(" ")[1];
        }
    }

    private final ServerSocket socket;
    private final Answer answer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HostileServer(Answer answer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.acceptor = new Thread(this::serve, "hostile-server-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread worker = new Thread(() -> handle(connection), "hostile-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                answer.write(request, out);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the client closed the connection: what a hostile answer expects
        }
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.readNBytes((int) length);
        return new Received(lines[0], headers);
    }

    /** Writes a complete JSON answer. */
    static void json(OutputStream out, int status, String body, String... extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
