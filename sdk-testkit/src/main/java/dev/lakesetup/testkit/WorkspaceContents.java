package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.Caller;
import dev.lakesetup.testkit.internal.databricks.UcStorage;
import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import dev.lakesetup.testkit.internal.databricks.WorkspaceFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The fake workspace's storage credentials, external locations and workspace files: seeds for tests and views of
 * what remains (after a teardown, say). Obtained from {@link FakeWorkspace#contents()}; every call reads or changes
 * the live state under the workspace's lock.
 */
public final class WorkspaceContents {
    private final WorkspaceContext ctx;

    WorkspaceContents(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /** {@return the names of the storage credentials, sorted} */
    public List<String> storageCredentials() {
        synchronized (ctx) {
            return ctx.uc().storage().credentials(admin()).stream().map(c -> c.name).sorted().toList();
        }
    }

    /** {@return the names of the external locations, sorted} */
    public List<String> externalLocations() {
        synchronized (ctx) {
            return ctx.uc().storage().locations(admin()).stream().map(l -> l.name).sorted().toList();
        }
    }

    /** {@return every workspace file with its content as UTF-8 text, by path (without the /Workspace prefix)} */
    public Map<String, String> workspaceFiles() {
        synchronized (ctx) {
            return ctx.files().files();
        }
    }

    /**
     * Seeds a storage credential owned by the admin, backed by an access connector.
     *
     * @param name the credential name
     * @param accessConnectorId the Azure access connector's resource id
     * @return this, for chaining
     */
    public WorkspaceContents seedStorageCredential(String name, String accessConnectorId) {
        synchronized (ctx) {
            UcStorage.Credential c = new UcStorage.Credential();
            c.name = name;
            c.accessConnectorId = accessConnectorId;
            ctx.uc().storage().createCredential(admin(), c);
            return this;
        }
    }

    /**
     * Seeds an external location owned by the admin.
     *
     * @param name the location name
     * @param url the {@code abfss://} URL
     * @param credential the storage credential's name
     * @return this, for chaining
     */
    public WorkspaceContents seedExternalLocation(String name, String url, String credential) {
        synchronized (ctx) {
            UcStorage.Location l = new UcStorage.Location();
            l.name = name;
            l.url = url;
            l.credentialName = credential;
            ctx.uc().storage().createLocation(admin(), l, false);
            return this;
        }
    }

    /**
     * Seeds a workspace file, creating its folders.
     *
     * @param path the absolute path ({@code /Workspace} prefix optional)
     * @param content the content, stored as UTF-8
     * @return this, for chaining
     */
    public WorkspaceContents seedWorkspaceFile(String path, String content) {
        synchronized (ctx) {
            ctx.files().seed(WorkspaceFiles.normalize(path), content.getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }

    private Caller admin() {
        return new Caller(ctx.settings().adminUser(), true);
    }
}
