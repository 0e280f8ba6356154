package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehouseAccessControlResponse;
import com.databricks.sdk.service.sql.WarehousePermission;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissions;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import com.databricks.sdk.service.sql.WarehousesService;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.User;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The warehouse ACL revoke against a scripted permissions API: reads around the PUT, and what the PUT carries. */
class WarehousesRevokeTest {
    private static final String ID = "wh1";
    private static final String OURS = "ours@example.com";

    /** The direct entries, {@code kind:name} to level; the inherited admins entry is always listed as well. */
    private final Map<String, String> acl = new LinkedHashMap<>();
    private final List<List<WarehouseAccessControlRequest>> puts = new ArrayList<>();
    private IntConsumer beforeGet = n -> { };
    private boolean putLosesOthers;
    private int gets;

    @Test
    void revoke_whenAnotherWriterPatchesBetweenReads_keepsTheirEntry() {
        seed();
        beforeGet = n -> {
            if (n == 2) {
                acl.put("user_name:late@example.com", "CAN_USE");
            }
        };

        revoke();

        assertThat(acl).containsEntry("user_name:late@example.com", "CAN_USE")
                .containsEntry("group_name:analysts", "CAN_USE").doesNotContainKey("user_name:" + OURS);
        assertThat(puts).hasSize(1);
    }

    @Test
    void revoke_sendsNeitherTheOwnerNorInheritedEntries() {
        seed();

        revoke();

        assertThat(puts).singleElement().satisfies(body -> assertThat(body)
                .extracting(e -> e.getPermissionLevel() + " " + e.getUserName() + " " + e.getGroupName())
                .containsExactly("CAN_USE null analysts"));
        assertThat(acl).containsEntry("user_name:admin@example.com", "IS_OWNER");
    }

    @Test
    void revoke_whenListKeepsChanging_refusesWithoutWriting() {
        seed();
        beforeGet = n -> acl.put("user_name:w" + n + "@example.com", "CAN_USE");

        assertThatThrownBy(this::revoke).isInstanceOf(ServiceException.class)
                .hasMessageContaining("kept changing").hasMessageContaining("nothing was written");
        assertThat(puts).isEmpty();
        assertThat(acl).containsKey("user_name:" + OURS);
    }

    @Test
    void revoke_whenAKeptEntryIsMissingAfterThePut_failsLoudly() {
        seed();
        putLosesOthers = true;

        assertThatThrownBy(this::revoke).isInstanceOf(ServiceException.class)
                .hasMessageContaining("should have been kept").hasMessageContaining("group_name:analysts");
    }

    private void seed() {
        acl.put("user_name:admin@example.com", "IS_OWNER");
        acl.put("user_name:" + OURS, "CAN_USE");
        acl.put("group_name:analysts", "CAN_USE");
    }

    private void revoke() {
        WorkspaceClient client = new WorkspaceClient(true).withWarehousesImpl(service());
        new Warehouses(() -> client).revoke(dev.lakesetup.core.model.WarehousePermission.canUse(ID,
                User.of(OURS)), null);
    }

    private WarehousesService service() {
        return (WarehousesService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WarehousesService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPermissions" -> {
                        beforeGet.accept(++gets);
                        yield answer();
                    }
                    case "setPermissions" -> put(((WarehousePermissionsRequest) args[0]).getAccessControlList());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Replaces the list as the service does: the owner is kept when the body names none. */
    private WarehousePermissions put(java.util.Collection<WarehouseAccessControlRequest> body) {
        puts.add(List.copyOf(body));
        Map<String, String> owner = new LinkedHashMap<>();
        acl.forEach((k, v) -> {
            if (v.equals("IS_OWNER")) {
                owner.put(k, v);
            }
        });
        acl.clear();
        acl.putAll(owner);
        if (!putLosesOthers) {
            for (WarehouseAccessControlRequest e : body) {
                String key = e.getUserName() != null ? "user_name:" + e.getUserName()
                        : e.getGroupName() != null ? "group_name:" + e.getGroupName()
                        : "service_principal_name:" + e.getServicePrincipalName();
                acl.put(key, e.getPermissionLevel().name());
            }
        }
        return answer();
    }

    private WarehousePermissions answer() {
        List<WarehouseAccessControlResponse> list = new ArrayList<>();
        acl.forEach((key, level) -> {
            String name = key.substring(key.indexOf(':') + 1);
            WarehouseAccessControlResponse e = new WarehouseAccessControlResponse();
            if (key.startsWith("user_name:")) {
                e.setUserName(name);
            } else {
                e.setGroupName(name);
            }
            list.add(e.setAllPermissions(List.of(new WarehousePermission()
                    .setPermissionLevel(WarehousePermissionLevel.valueOf(level)).setInherited(false))));
        });
        list.add(new WarehouseAccessControlResponse().setGroupName("admins").setAllPermissions(List.of(
                new WarehousePermission().setPermissionLevel(WarehousePermissionLevel.CAN_MANAGE).setInherited(true))));
        return new WarehousePermissions().setObjectId("/sql/warehouses/" + ID).setAccessControlList(list);
    }
}
