package dev.lakesetup.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP forward proxy on 127.0.0.1 that wants HTTP Basic credentials, for proving that a client sends its
 * requests through a proxy with them. It answers 407 with {@code Proxy-Authenticate: Basic} unless a request carries
 * the expected {@code Proxy-Authorization}; it forwards absolute-URI requests to plain {@code http} targets and
 * opens {@code CONNECT} tunnels, both to loopback addresses only (anything else gets 403), one request per
 * connection; and it records every request line with whether its credentials were accepted. A request body over
 * 16 MiB gets 413 (a chunked one is cut off). Thread-safe.
 */
public final class FakeProxy implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    /**
     * One request the proxy received.
     *
     * @param requestLine the request line, e.g. {@code GET http://127.0.0.1:8080/path HTTP/1.1}
     * @param authorized whether it carried the expected credentials
     */
    public record Seen(String requestLine, boolean authorized) {
    }

    private final String expected;
    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FakeProxy(String user, String password) throws IOException {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1.
     *
     * @param user the user name it accepts
     * @param password the password it accepts
     * @return the running proxy
     * @throws UncheckedIOException when no port can be bound
     */
    public static FakeProxy start(String user, String password) {
        try {
            return new FakeProxy(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the proxy", e);
        }
    }

    /**
     * Returns the port the proxy listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Returns the requests received so far, in order of arrival.
     *
     * @return a copy
     */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
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
            Authorized request = authorize(in, out);
            if (request == null) {
                return;
            }
            if ("CONNECT".equals(request.parts()[0])) {
                tunnel(request.parts()[1], client, out);
                return;
            }
            URI target = URI.create(request.parts()[1]);
            if (!"http".equals(target.getScheme()) || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                answer(out, "403 Forbidden");
                return;
            }
            forward(request.head(), request.parts(), target, in, out);
        } catch (IOException | RuntimeException e) {
            // the client gave up or sent garbage: the connection just closes
        } finally {
            open.remove(client);
        }
    }

    /** A request that carried the expected credentials: its head lines and its request line's three parts. */
    private record Authorized(List<String> head, String[] parts) {
    }

    /**
     * Reads requests until one carries the expected credentials, answering 407 to the others; like a real proxy it
     * keeps the connection after a 407 so that the client can answer the challenge on it (three rounds at most).
     * Returns null when the connection ends first or a request was refused (and answered).
     */
    private Authorized authorize(InputStream in, OutputStream out) throws IOException {
        List<String> head = readHead(in);
        for (int round = 0; round < 3 && !head.isEmpty(); round++) {
            boolean authorized = expected.equals(header(head, "proxy-authorization"));
            seen.add(new Seen(head.get(0), authorized));
            String[] parts = head.get(0).split(" ");
            if (parts.length != 3) {
                answer(out, "400 Bad Request");
                return null;
            }
            String refused = refusedLength(head);
            if (refused != null) {
                answer(out, refused);
                return null;
            }
            if (authorized) {
                return new Authorized(head, parts);
            }
            skipBody(head, in);
            out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\""
                    + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            head = readHead(in);
        }
        return null;
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

    /** Opens a tunnel to a loopback host:port and copies bytes both ways until either side closes. */
    private void tunnel(String authority, Socket client, OutputStream out) throws IOException {
        URI target = URI.create("tunnel://" + authority);
        if (target.getHost() == null || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            answer(out, "403 Forbidden");
            return;
        }
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            open.add(upstream);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            workers.execute(() -> {
                try {
                    client.getInputStream().transferTo(upstream.getOutputStream());
                    upstream.shutdownOutput();
                } catch (IOException e) {
                    // either side closed
                }
            });
            upstream.getInputStream().transferTo(out);
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    private static void skipBody(List<String> head, InputStream in) throws IOException {
        copyBody(head, in, OutputStream.nullOutputStream());
    }

    /** Returns the status for a Content-Length that is not a number or over the body limit, or {@code null}. */
    private static String refusedLength(List<String> head) {
        String length = header(head, "content-length");
        if (length == null) {
            return null;
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes < 0 ? "400 Bad Request" : bytes > MAX_BODY_BYTES ? "413 Content Too Large" : null;
        } catch (NumberFormatException e) {
            return "400 Bad Request";
        }
    }

    /** Copies a request body framed by Content-Length or chunked encoding, as it came, up to the body limit. */
    private static void copyBody(List<String> head, InputStream in, OutputStream up) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            up.write(in.readNBytes(Integer.parseInt(length.trim())));
        } else if ("chunked".equalsIgnoreCase(String.valueOf(header(head, "transfer-encoding")).trim())) {
            long total = 0;
            while (true) {
                String sizeLine = readLine(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                total += size;
                if (size < 0 || total > MAX_BODY_BYTES) {
                    throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
                }
                up.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
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

    /** Stops listening and ends open connections. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        workers.shutdownNow();
    }
}
