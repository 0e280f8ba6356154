package dev.lakesetup.databricks.internal.validation;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.service.settings.IpAccessListInfo;
import com.databricks.sdk.service.settings.ListType;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.databricks.internal.Calls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the workspace's IP access lists and tells whether they would block any of a vendor's published ranges,
 * changing nothing. The rules are the service's: the lists take effect only while the workspace setting
 * {@code enableIpAccessLists} is {@code true}; only enabled lists count; an address in an enabled BLOCK list is
 * refused even when an ALLOW list names it; once an enabled ALLOW list exists, an address outside every ALLOW list
 * is refused.
 */
public final class IpAccessListCheck {
    /** The workspace setting that switches IP access lists on. */
    public static final String FEATURE_KEY = "enableIpAccessLists";

    private final List<Ipv4Range> vendorRanges;

    /**
     * Creates the check.
     *
     * @param vendorRanges the vendor's published ranges, at least one
     */
    public IpAccessListCheck(List<Ipv4Range> vendorRanges) {
        this.vendorRanges = List.copyOf(vendorRanges);
    }

    /**
     * Returns the check's name for a report.
     *
     * @return the name
     */
    public String name() {
        return "IP access lists admit the vendor's " + vendorRanges.size() + " published range"
                + (vendorRanges.size() == 1 ? "" : "s");
    }

    /**
     * Reads the setting and the lists and checks every range.
     *
     * @param client the workspace client, signed in as a workspace admin
     * @return how many lists were read
     * @throws CheckFailedException naming each range that would be blocked and why
     */
    public long run(WorkspaceClient client) {
        // WorkspaceConfAPI.getStatus(..) of the SDK (0.141.0) sends no "keys" query parameter: ask directly
        Map<String, String> conf = Calls.run("get workspace setting " + FEATURE_KEY, () -> client.apiClient()
                .getStringMap(new Request("GET", "/api/2.0/workspace-conf").withQueryParam("keys", FEATURE_KEY)
                        .withHeader("Accept", "application/json")));
        if (conf == null || !"true".equalsIgnoreCase(conf.get(FEATURE_KEY))) {
            return 0;
        }
        List<IpAccessListInfo> lists = new ArrayList<>();
        Calls.run("list IP access lists", () -> client.ipAccessLists().list().forEach(lists::add));
        List<String> blocked = blocked(ranges(lists, ListType.ALLOW), ranges(lists, ListType.BLOCK));
        if (!blocked.isEmpty()) {
            throw new CheckFailedException("the workspace's IP access lists (enabled) would refuse "
                    + String.join("; ", blocked) + "; ask a workspace admin to allow the vendor's ranges");
        }
        return lists.size();
    }

    private List<String> blocked(List<Ipv4Range> allowed, List<Ipv4Range> refused) {
        List<String> blocked = new ArrayList<>();
        for (Ipv4Range range : vendorRanges) {
            List<String> by = refused.stream().filter(range::overlaps).map(Ipv4Range::text).toList();
            if (!by.isEmpty()) {
                blocked.add(range + " (in a BLOCK list: " + String.join(", ", by) + ")");
            } else if (!allowed.isEmpty() && !range.isCoveredBy(allowed)) {
                blocked.add(range + " (not inside the enabled ALLOW lists)");
            }
        }
        return blocked;
    }

    private static List<Ipv4Range> ranges(List<IpAccessListInfo> lists, ListType type) {
        List<Ipv4Range> ranges = new ArrayList<>();
        for (IpAccessListInfo list : lists) {
            if (list.getListType() != type || Boolean.FALSE.equals(list.getEnabled())
                    || list.getIpAddresses() == null) {
                continue;
            }
            for (String address : list.getIpAddresses()) {
                ranges.add(entry(list, address));
            }
        }
        return ranges;
    }

    private static Ipv4Range entry(IpAccessListInfo list, String address) {
        try {
            return Ipv4Range.parse("IP access list entry", address);
        } catch (InvalidInputException e) {
            throw new CheckFailedException("list " + list.getLabel() + " holds an entry that is not an IPv4 address "
                    + "or CIDR block, so the check cannot tell: " + e.getMessage());
        }
    }
}
