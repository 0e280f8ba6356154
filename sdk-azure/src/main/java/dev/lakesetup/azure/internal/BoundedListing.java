package dev.lakesetup.azure.internal;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an Azure listing (Microsoft Graph {@code @odata.nextLink}, Resource Manager {@code nextLink}) page by page
 * with bounds the service cannot move: at most a number of items and of pages, and never the same continuation
 * twice. A listing that would go on past them fails as a fatal {@link ServiceException}, which is not retried;
 * empty pages that keep pointing to more count as pages, so they cannot loop for ever.
 */
public final class BoundedListing {
    /** The most pages one listing may take; the look-ups lakesetup makes answer in one or two. */
    public static final int MAX_PAGES = 100;

    private BoundedListing() {
    }

    /**
     * Collects the items of a listing, up to {@code maxItems}.
     *
     * @param listing the listing as the Azure client returns it
     * @param what what is listed, for the failure message
     * @param maxItems the most items to collect; the listing is not read further once reached
     * @param <T> the item type
     * @return the items, in the order the service sent them
     * @throws ServiceException ({@code FATAL}) when a continuation repeats or the listing takes more than
     *     {@link #MAX_PAGES} pages
     */
    public static <T> List<T> collect(PagedIterable<T> listing, String what, int maxItems) {
        return collect(listing, what, maxItems, MAX_PAGES);
    }

    static <T> List<T> collect(PagedIterable<T> listing, String what, int maxItems, int maxPages) {
        List<T> items = new ArrayList<>();
        Set<String> continuations = new HashSet<>();
        int pages = 0;
        for (PagedResponse<T> page : listing.iterableByPage()) {
            if (++pages > maxPages) {
                throw endless(what, "it took more than " + maxPages + " pages");
            }
            for (T item : page.getValue()) {
                if (items.size() >= maxItems) {
                    return items;
                }
                items.add(item);
            }
            String next = page.getContinuationToken();
            if (next == null || next.isEmpty()) {
                return items;
            }
            if (!continuations.add(next)) {
                throw endless(what, "it sent the continuation " + ServiceText.escape(next) + " twice");
            }
        }
        return items;
    }

    private static ServiceException endless(String what, String why) {
        return ServiceException.builder(ServiceException.Failure.FATAL, what + " failed: the listing did not end ("
                + why + "); an endless listing is not retried").build();
    }
}
