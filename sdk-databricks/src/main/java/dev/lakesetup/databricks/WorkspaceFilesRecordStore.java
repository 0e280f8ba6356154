package dev.lakesetup.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.workspace.Delete;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.ListWorkspaceRequest;
import com.databricks.sdk.service.workspace.Mkdirs;
import com.databricks.sdk.service.workspace.ObjectInfo;
import com.databricks.sdk.service.workspace.ObjectType;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.databricks.internal.Calls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@link RecordStore} that keeps its documents as files in a Databricks workspace folder, for users who want
 * nothing outside Databricks: the record of a run is then next to what it set up, readable by every admin of the
 * workspace.
 * <pre>{@code
 * RecordStore records = WorkspaceFilesRecordStore.in(workspace, "/Workspace/Shared/lakesetup/records");
 * }</pre>
 *
 * <p>Each key is one file, {@code <folder>/<key>.json}, written through the Workspace API ({@code import} with
 * format {@code AUTO} and {@code overwrite}: one request, so a reader sees the old document or the new one), read
 * with {@code export}, listed with {@code list} and deleted with {@code delete}; missing folders are created with
 * {@code mkdirs} on the first write. A document is at most {@link #MAX_DOCUMENT_BYTES} (the API takes 10 MB of
 * base64 content). Every request goes through the workspace's transport (its rate limit, the https rule, the
 * proxy), and every operation is retried as a whole under the workspace's {@link dev.lakesetup.core.apply.CallPolicy}.
 * Listing is bounded ({@link #MAX_LISTED} objects). The store is as private as the folder: choose one that only the
 * admins who run lakesetup can read (documents hold no secret, but name principals and objects).
 */
public final class WorkspaceFilesRecordStore implements RecordStore {
    /** The largest document written, in bytes of UTF-8 (its base64 form stays under the API's 10 MB). */
    public static final int MAX_DOCUMENT_BYTES = 7 * 1024 * 1024;
    /** The most folders and files {@link #keys} reads under the folder. */
    public static final int MAX_LISTED = 10_000;
    private static final String SUFFIX = ".json";

    private final DatabricksWorkspace workspace;
    private final String folder;
    private final Lakesetup calls;

    private WorkspaceFilesRecordStore(DatabricksWorkspace workspace, String folder) {
        this.workspace = workspace;
        this.folder = folder;
        this.calls = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(workspace.callPolicy())
                .build();
    }

    /**
     * Returns a store that keeps its documents under a workspace folder, such as
     * {@code /Workspace/Users/admin@example.com/.lakesetup/records} or {@code /Workspace/Shared/lakesetup}.
     *
     * @param workspace the workspace, whose credentials read and write the folder
     * @param folder the absolute folder path ({@code /Workspace} prefix optional); created on the first write
     * @return the store
     * @throws InvalidInputException for a relative path or one with {@code ..}, {@code //} or control characters
     */
    public static WorkspaceFilesRecordStore in(DatabricksWorkspace workspace, String folder) {
        InvalidInputException.requireNonNull(workspace, "workspace");
        return new WorkspaceFilesRecordStore(workspace, requireFolder(folder));
    }

    /**
     * Returns the folder the documents are kept in.
     *
     * @return the absolute folder path, as given without a trailing {@code /}
     */
    public String folder() {
        return folder;
    }

    @Override
    public Optional<String> read(String key) {
        String path = path(key);
        return calls.call("read record " + path, () -> Calls.read("export " + path, () -> client().workspace()
                .export(new ExportRequest().setPath(path).setFormat(ExportFormat.AUTO))))
                .map(response -> response.getContent() == null ? ""
                        : new String(Base64.getDecoder().decode(response.getContent()), StandardCharsets.UTF_8));
    }

    @Override
    public void write(String key, String document) {
        String path = path(key);
        InvalidInputException.requireNonNull(document, "record document");
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw InvalidInputException.of("record document", key + " (" + bytes.length + " bytes)",
                    "it is too large for a workspace file", "at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        Import request = new Import().setPath(path).setFormat(ImportFormat.AUTO).setOverwrite(true)
                .setContent(Base64.getEncoder().encodeToString(bytes));
        calls.call("write record " + path, () -> {
            try {
                Calls.run("import " + path, () -> client().workspace().importContent(request));
            } catch (ServiceException e) {
                if (e.status() != 404) {
                    throw e;
                }
                String parent = path.substring(0, path.lastIndexOf('/'));
                Calls.run("create folder " + parent, () -> client().workspace().mkdirs(new Mkdirs().setPath(parent)));
                Calls.run("import " + path, () -> client().workspace().importContent(request));
            }
            return null;
        });
    }

    @Override
    public void delete(String key) {
        String path = path(key);
        calls.call("delete record " + path, () -> Calls.delete("delete " + path, () -> client().workspace()
                .delete(new Delete().setPath(path).setRecursive(false))));
    }

    @Override
    public List<String> keys(String prefix) {
        InvalidInputException.requireNonNull(prefix, "record key prefix");
        int slash = prefix.lastIndexOf('/');
        String start = slash < 0 ? "" : MemoryRecordStore.requireKey(prefix.substring(0, slash));
        return calls.call("list records under " + folder, () -> {
            TreeSet<String> keys = new TreeSet<>();
            for (String file : files(start.isEmpty() ? folder : folder + "/" + start)) {
                String key = relative(file);
                if (key != null && key.endsWith(SUFFIX)) {
                    key = key.substring(0, key.length() - SUFFIX.length());
                    if (key.startsWith(prefix)) {
                        keys.add(key);
                    }
                }
            }
            return List.copyOf(keys);
        });
    }

    /** Every file below a folder, breadth first, at most {@link #MAX_LISTED} objects read; none when it is missing. */
    private List<String> files(String top) {
        List<String> files = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of(top));
        int listed = 0;
        while (!folders.isEmpty()) {
            String dir = folders.poll();
            Optional<Iterable<ObjectInfo>> objects = Calls.read("list " + dir, () -> list(dir));
            for (ObjectInfo o : objects.orElse(List.of())) {
                if (++listed > MAX_LISTED) {
                    throw ServiceException.builder(ServiceException.Failure.FATAL, "list records under " + folder
                            + ": more than " + MAX_LISTED + " objects; choose a narrower prefix or folder").build();
                }
                if (o.getObjectType() == ObjectType.DIRECTORY && o.getPath() != null) {
                    folders.add(o.getPath());
                } else if (o.getObjectType() == ObjectType.FILE && o.getPath() != null) {
                    files.add(o.getPath());
                }
            }
        }
        return files;
    }

    /** Lists one folder, reading the whole answer inside the call (the SDK's iterable fetches lazily). */
    private Iterable<ObjectInfo> list(String dir) {
        List<ObjectInfo> out = new ArrayList<>();
        client().workspace().list(new ListWorkspaceRequest().setPath(dir)).forEach(out::add);
        return out;
    }

    /** The key path of a listed file relative to the folder, or null when it is not below it. */
    private String relative(String listed) {
        String base = withoutWorkspacePrefix(folder) + "/";
        String path = withoutWorkspacePrefix(listed);
        return path.startsWith(base) ? path.substring(base.length()) : null;
    }

    private String path(String key) {
        return folder + "/" + MemoryRecordStore.requireKey(key) + SUFFIX;
    }

    private WorkspaceClient client() {
        return workspace.adminClient();
    }

    private static String withoutWorkspacePrefix(String path) {
        return path.equals("/Workspace") || path.startsWith("/Workspace/") ? path.substring("/Workspace".length())
                : path;
    }

    private static String requireFolder(String folder) {
        InvalidInputException.requireNonNull(folder, "record folder");
        String f = folder.endsWith("/") && folder.length() > 1 ? folder.substring(0, folder.length() - 1) : folder;
        boolean control = f.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (!f.startsWith("/") || f.equals("/") || f.contains("//") || f.contains("/../") || f.endsWith("/..")
                || f.contains("/./") || control) {
            throw InvalidInputException.of("record folder", folder, "it is not an absolute workspace folder path",
                    "a path such as /Workspace/Shared/lakesetup/records");
        }
        return f;
    }

    @Override
    public String toString() {
        return "WorkspaceFilesRecordStore[" + workspace.host() + folder + "]";
    }
}
