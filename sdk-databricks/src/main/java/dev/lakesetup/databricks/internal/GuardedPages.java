package dev.lakesetup.databricks.internal;

import com.databricks.sdk.service.iam.ListServicePrincipalResponse;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.ListServicePrincipalSecretsResponse;
import com.databricks.sdk.service.oauth2.SecretInfo;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Pages through the list calls lakesetup makes, in place of the SDK's paginators: those fetch until the service
 * sends an empty page (SCIM, paged by {@code startIndex}) or no {@code next_page_token}, so a service that ignores
 * {@code startIndex} or repeats a token keeps them fetching forever.
 *
 * <p>Here a SCIM page that brings no principal not seen on an earlier page, a repeated page token, or more than
 * {@value #MAX_PAGES} pages end the list with a {@link ServiceException.Failure#FATAL FATAL} (not retried)
 * {@link ServiceException} that says which. A SCIM list also stops when {@code totalResults} says it is complete.
 */
public final class GuardedPages {
    /** Items asked for per page (the SCIM {@code count}). */
    public static final long PAGE_SIZE = 100;
    /** The most pages read for one list: a look-up expects a handful of results. */
    public static final int MAX_PAGES = 100;

    private GuardedPages() {
    }

    /**
     * Returns the first service principal that matches, reading SCIM pages from {@code startIndex} 1.
     *
     * @param what the call, for messages
     * @param page fetches the page starting at a 1-based index, {@link #PAGE_SIZE} items long
     * @param matches what the caller looks for; other principals on the pages are skipped
     * @return the first match, or empty when the pages end without one
     * @throws ServiceException (FATAL) when a page repeats or the pages do not end
     */
    public static Optional<ServicePrincipal> findScim(String what, LongFunction<ListServicePrincipalResponse> page,
                                                      Predicate<ServicePrincipal> matches) {
        Set<String> seen = new HashSet<>();
        long startIndex = 1;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ListServicePrincipalResponse response = page.apply(startIndex);
            Collection<ServicePrincipal> items = response == null ? null : response.getResources();
            if (items == null || items.isEmpty()) {
                return Optional.empty();
            }
            boolean fresh = false;
            for (ServicePrincipal sp : items) {
                fresh |= seen.add(sp.getId() + "|" + sp.getApplicationId() + "|" + sp.getDisplayName());
                if (matches.test(sp)) {
                    return Optional.of(sp);
                }
            }
            if (!fresh) {
                throw endless(what, "the page at startIndex " + startIndex
                        + " repeats principals of an earlier page: the service does not honour startIndex");
            }
            startIndex += items.size();
            Long total = response.getTotalResults();
            if (total != null && startIndex > total) {
                return Optional.empty();
            }
        }
        throw endless(what, "the service sent more than " + MAX_PAGES + " pages of " + PAGE_SIZE);
    }

    /**
     * Returns the first OAuth secret that matches, following {@code next_page_token}.
     *
     * @param what the call, for messages
     * @param page fetches the page for a token ({@code null} for the first page)
     * @param matches what the caller looks for
     * @return the first match, or empty when the pages end without one
     * @throws ServiceException (FATAL) when a token repeats or the pages do not end
     */
    public static Optional<SecretInfo> findByToken(String what,
                                                   Function<String, ListServicePrincipalSecretsResponse> page,
                                                   Predicate<SecretInfo> matches) {
        List<SecretInfo> found = new ArrayList<>(1);
        eachByToken(what, MAX_PAGES, page, ListServicePrincipalSecretsResponse::getNextPageToken, response -> {
            Collection<SecretInfo> items = response.getSecrets() == null ? List.of() : response.getSecrets();
            items.stream().filter(matches).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.stream().findFirst();
    }

    /**
     * Reads the pages of a listing that follows {@code next_page_token}, handing each to {@code handle}, until a page
     * has no token, {@code handle} says to stop or the service answers no page.
     *
     * @param what the call, for messages
     * @param maxPages the most pages to read
     * @param page fetches the page for a token ({@code null} for the first page)
     * @param nextToken the page's {@code next_page_token}, or null or empty on the last page
     * @param handle takes a page and tells whether to stop reading
     * @param <T> the page type
     * @throws ServiceException (FATAL) when a token repeats or there are more than {@code maxPages} pages
     */
    public static <T> void eachByToken(String what, int maxPages, Function<String, T> page,
                                       Function<T, String> nextToken, Predicate<T> handle) {
        Set<String> tokens = new HashSet<>();
        String token = null;
        for (int pages = 0; pages < maxPages; pages++) {
            T response = page.apply(token);
            if (response == null || handle.test(response)) {
                return;
            }
            token = nextToken.apply(response);
            if (token == null || token.isEmpty()) {
                return;
            }
            if (!tokens.add(token)) {
                throw endless(what, "the service sent the page token '" + ServiceText.escape(token) + "' twice");
            }
        }
        throw endless(what, "the service sent more than " + maxPages + " pages");
    }

    private static ServiceException endless(String what, String why) {
        return ServiceException.builder(ServiceException.Failure.FATAL, what + ": " + why + "; stopped reading")
                .build();
    }
}
