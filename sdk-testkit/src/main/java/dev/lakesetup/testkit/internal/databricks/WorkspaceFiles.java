package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workspace's file tree as the Workspace API sees it: directories and files with their bytes. Paths are kept
 * without the {@code /Workspace} prefix, which the API accepts on any path ({@code /Workspace/Users/a} and
 * {@code /Users/a} are the same object). Not thread-safe: callers lock on the workspace.
 */
public final class WorkspaceFiles {

    /** The largest content the import takes (the API documents 10 MB). */
    public static final int MAX_CONTENT_BYTES = 10 * 1024 * 1024;

    /** One object: a directory (no content) or a file. */
    record Node(long id, byte[] content) {
        boolean isDirectory() {
            return content == null;
        }
    }

    private final Map<String, Node> nodes = new TreeMap<>();
    private long nextId = 1000;

    /** Creates the tree with the root, {@code /Users} and {@code /Shared}. */
    public WorkspaceFiles() {
        nodes.put("/", new Node(nextId++, null));
        nodes.put("/Users", new Node(nextId++, null));
        nodes.put("/Shared", new Node(nextId++, null));
    }

    /** Returns a path without a trailing slash and without the {@code /Workspace} prefix; 400 for a relative one. */
    public static String normalize(String raw) {
        if (raw == null || !raw.startsWith("/")) {
            throw ApiException.invalid("Path (" + raw + ") must be absolute.");
        }
        String p = raw.equals("/Workspace") || raw.startsWith("/Workspace/") ? raw.substring("/Workspace".length())
                : raw;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("//") || p.contains("/../") || p.endsWith("/..")) {
            throw ApiException.invalid("Path (" + raw + ") is not a valid workspace path.");
        }
        return p.isEmpty() ? "/" : p;
    }

    /** Returns an object, or 404 RESOURCE_DOES_NOT_EXIST. */
    Node get(String path) {
        Node n = nodes.get(path);
        if (n == null) {
            throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Path (" + path + ") doesn't exist.");
        }
        return n;
    }

    /** Creates a directory and its missing parents; 400 RESOURCE_ALREADY_EXISTS when a file is in the way. */
    void mkdirs(String path) {
        Node n = nodes.get(path);
        if (n != null) {
            if (!n.isDirectory()) {
                throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Path (" + path + ") already exists.");
            }
            return;
        }
        if (!path.equals("/")) {
            mkdirs(parent(path));
        }
        nodes.put(path, new Node(nextId++, null));
    }

    /** Writes a file whose parent exists; 404 without the parent, 400 RESOURCE_ALREADY_EXISTS without overwrite. */
    void write(String path, byte[] content, boolean overwrite) {
        if (content.length > MAX_CONTENT_BYTES) {
            throw new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED", "File size imported is (" + content.length
                    + " bytes), exceeded max size (" + MAX_CONTENT_BYTES + " bytes)");
        }
        Node parent = nodes.get(parent(path));
        if (parent == null || !parent.isDirectory()) {
            throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "The parent folder (" + parent(path)
                    + ") does not exist.");
        }
        Node existing = nodes.get(path);
        if (existing != null && (existing.isDirectory() || !overwrite)) {
            throw new ApiException(400, "RESOURCE_ALREADY_EXISTS", "Path (" + path + ") already exists.");
        }
        nodes.put(path, new Node(existing == null ? nextId++ : existing.id(), content.clone()));
    }

    /** Deletes an object; 404 when missing, 400 DIRECTORY_NOT_EMPTY for a directory with children unless recursive. */
    void delete(String path, boolean recursive) {
        Node n = get(path);
        List<String> children = childrenOf(path, true);
        if (n.isDirectory() && !children.isEmpty() && !recursive) {
            throw new ApiException(400, "DIRECTORY_NOT_EMPTY", "Folder (" + path + ") is not empty.");
        }
        children.forEach(nodes::remove);
        nodes.remove(path);
    }

    /** Returns the paths directly in a directory (or everything below it), sorted. */
    List<String> childrenOf(String dir, boolean deep) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<String> out = new ArrayList<>();
        for (String p : nodes.keySet()) {
            if (p.startsWith(prefix) && !p.equals(dir) && (deep || p.indexOf('/', prefix.length()) < 0)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Returns every file with its content as text, by path. */
    public Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        nodes.forEach((p, n) -> {
            if (!n.isDirectory()) {
                out.put(p, new String(n.content(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Writes a file, creating its folders and replacing any file there (for seeding). */
    public void seed(String path, byte[] content) {
        mkdirs(parent(path));
        write(path, content, true);
    }
}
