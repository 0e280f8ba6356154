package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.StorageUrl;

/**
 * Where the destination's data lives in its container: the external location's URL (the container's root, or a
 * given URL that must lie in the container) and the catalog's storage root (the location's URL, or a relative path
 * under it).
 */
final class StorageLayout {

    private StorageLayout() {
    }

    /**
     * Checks a catalog sub-path and drops a trailing slash.
     *
     * @param subPath a relative path such as {@code catalogs/segment}
     * @return the path without a trailing slash
     * @throws InvalidInputException when it is empty, absolute, or holds {@code ..}, {@code //} or a scheme
     */
    static String relativePath(String subPath) {
        if (subPath == null || subPath.isBlank() || subPath.startsWith("/") || subPath.contains("..")
                || subPath.contains("//") || subPath.contains("://")) {
            throw InvalidInputException.of("catalog sub-path", subPath, "it is not a relative path",
                    "a path such as catalogs/segment, without a leading slash, '..' or '//'");
        }
        return subPath.endsWith("/") ? subPath.substring(0, subPath.length() - 1) : subPath;
    }

    /**
     * Returns the external location's URL: the container's root, or the given URL when it lies in the container.
     *
     * @param container the container
     * @param given the URL given to the builder, or null
     * @return the URL
     * @throws InvalidInputException when the given URL is outside the container
     */
    static StorageUrl locationUrl(AdlsContainer container, String given) {
        StorageUrl root = StorageUrl.of("abfss://" + container.container() + "@" + container.storageAccount()
                + ".dfs.core.windows.net/");
        if (given == null) {
            return root;
        }
        StorageUrl url = StorageUrl.of(given);
        if (!url.isWithin(root)) {
            throw InvalidInputException.of("external location URL", given,
                    "it is not in the container " + container.id().key(), root + " or a path under it");
        }
        return url;
    }

    /**
     * Returns the catalog's storage root.
     *
     * @param location the external location's URL
     * @param subPath a checked relative path, or null for the location's URL itself
     * @return the storage root
     */
    static StorageUrl catalogRoot(StorageUrl location, String subPath) {
        return subPath == null ? location : StorageUrl.of(location.value() + "/" + subPath);
    }
}
