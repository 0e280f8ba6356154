package dev.lakesetup.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SecretSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a new OAuth secret to a file as JSON ({@code client_id}, {@code client_secret}), created with owner-only
 * permissions ({@code rw-------}) where the file system has POSIX permissions, then moved into place at once, so the
 * secret is never readable by others and never half-written.
 *
 * @param path the file
 */
record FileSecretSink(Path path) implements SecretSink {
    @Override
    public void accept(OAuthCredentials credentials) {
        ObjectNode json = new ObjectMapper().createObjectNode()
                .put("client_id", credentials.clientId().toString())
                .put("client_secret", credentials.secret().reveal());
        Path target = path.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(target.getParent(), ".secret", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(target.getParent(), ".secret", ".tmp");
            Files.writeString(temporary, json.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new LakesetupException("the new OAuth secret of " + credentials.clientId()
                    + " could not be written to " + target + ": " + e.getClass().getSimpleName());
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the failure to write is what the caller learns; a leftover is owner-only and holds no more
            }
        }
    }

    @Override
    public String toString() {
        return "FileSecretSink[" + path + "]";
    }
}
