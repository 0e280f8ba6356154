package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import java.util.List;
import java.util.Set;

/**
 * Privilege assignment listings as the grants API answers them: unpaginated without {@code max_results}; with it,
 * pages of the length the service chooses ({@code 0}) or at most the one asked for (150 or more; 1 to 149 and
 * negative values are invalid), linked by an opaque {@code next_page_token} that is absent on the last page. A
 * deleted principal's grant shows an empty {@code principal} and its {@code principal_id}.
 */
final class GrantPages {
    /** The smallest {@code max_results} the service accepts other than 0. */
    static final int MIN_PAGE = 150;
    private static final String TOKEN_PREFIX = "pa-";

    private GrantPages() {
    }

    /** Returns one assignment: the principal's name, or for a deleted one an empty name and its id. */
    static ObjectNode assignment(Grants grants, String principal, Set<String> privileges) {
        ObjectNode a = Json.object();
        String deletedId = grants.deletedId(principal);
        a.put("principal", deletedId == null ? principal : "");
        if (deletedId != null) {
            a.put("principal_id", deletedId);
        }
        ArrayNode arr = a.putArray("privileges");
        privileges.forEach(arr::add);
        return a;
    }

    /** Returns the page of {@code items} the request asks for, under {@code field}. */
    static ObjectNode page(HttpExchange ex, List<ObjectNode> items, String field, int serverPageSize) {
        ObjectNode out = Json.object();
        String maxParam = ex.queryParam("max_results");
        if (maxParam == null) {
            out.putArray(field).addAll(items);
            return out;
        }
        int length = pageLength(maxParam, serverPageSize);
        int offset = offset(ex.queryParam("page_token"), items.size());
        int end = Math.min(items.size(), offset + length);
        out.putArray(field).addAll(items.subList(offset, end));
        if (end < items.size()) {
            out.put("next_page_token", TOKEN_PREFIX + end);
        }
        return out;
    }

    private static int pageLength(String maxParam, int serverPageSize) {
        int max;
        try {
            max = Integer.parseInt(maxParam.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Invalid max_results: " + maxParam);
        }
        if (max < 0 || (max > 0 && max < MIN_PAGE)) {
            throw new ApiException(400, "INVALID_PARAMETER_VALUE", "max_results must be 0 or at least "
                    + MIN_PAGE + ": " + max);
        }
        return max == 0 ? serverPageSize : Math.min(max, serverPageSize);
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            if (token.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(token.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return Math.min(offset, size);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the service's answer for a token it did not issue
        }
        throw new ApiException(400, "INVALID_PARAMETER_VALUE", "Invalid page_token");
    }
}
