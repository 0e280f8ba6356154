package dev.lakesetup.databricks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP forward proxy for tests, on 127.0.0.1: it answers 407 unless a request carries
 * {@code Proxy-Authorization: Basic} with the expected user and password, forwards absolute-URI requests for plain
 * {@code http} targets on loopback (and nothing else) with {@code Connection: close}, and records what it saw.
 * {@code CONNECT} is refused with 501: the fakes speak plain HTTP.
 */
final class AuthenticatingProxy implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** One request the proxy received: the request line and whether its credentials were accepted. */
    record Seen(String requestLine, boolean authorized) {
    }

    private final String expected;
    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    AuthenticatingProxy(String user, String password) throws IOException {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            String authorization = header(head, "proxy-authorization");
            boolean authorized = expected.equals(authorization);
            seen.add(new Seen(requestLine, authorized));
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || "CONNECT".equals(parts[0])) {
                answer(out, "501 Not Implemented");
                return;
            }
            if (!authorized) {
                answer(out, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"");
                return;
            }
            URI target = URI.create(parts[1]);
            if (!"http".equals(target.getScheme()) || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                answer(out, "403 Forbidden");
                return;
            }
            forward(head, parts, target, in, out);
        } catch (IOException | RuntimeException e) {
            // the client gave up or sent garbage: the connection just closes
        }
    }

    private static void forward(List<String> head, String[] parts, URI target, InputStream in, OutputStream out)
            throws IOException {
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            StringBuilder request = new StringBuilder(parts[0]).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            copyBody(head, in, up);
            up.flush();
            upstream.getInputStream().transferTo(out);
            out.flush();
        }
    }

    /** Copies a request body framed by Content-Length or chunked encoding, as it came. */
    private static void copyBody(List<String> head, InputStream in, OutputStream up) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            up.write(in.readNBytes(Integer.parseInt(length.trim())));
        } else if ("chunked".equalsIgnoreCase(String.valueOf(header(head, "transfer-encoding")).trim())) {
            while (true) {
                String sizeLine = readLine(in);
                up.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                up.write(in.readNBytes(size + 2));
                if (size == 0) {
                    return;
                }
            }
        }
    }

    private static void answer(OutputStream out, String statusAndHeaders) throws IOException {
        out.write(("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (total < MAX_HEADER_BYTES) {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return lines;
            }
            total += line.length();
            lines.add(line);
        }
        throw new IOException("request head too large");
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new IOException("line too long");
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
