package dev.lakesetup.databricks.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.catalog.EffectivePermissionsList;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import com.databricks.sdk.service.catalog.Privilege;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Securable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The effective privileges listing is read page by page, and a listing that does not end is stopped. */
class EffectivePrivilegesPagingTest {
    private static final ApplicationId SP = ApplicationId.of("9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41");
    private final EffectivePrivilegesCheck check = new EffectivePrivilegesCheck(Securable.catalog("sales"),
            Set.of(dev.lakesetup.core.model.Privilege.USE_CATALOG));

    private static EffectivePermissionsList page(Privilege privilege, String next) {
        return new EffectivePermissionsList().setNextPageToken(next).setPrivilegeAssignments(List.of(
                new EffectivePrivilegeAssignment().setPrincipal(SP.toString())
                        .setPrivileges(List.of(new EffectivePrivilege().setPrivilege(privilege)))));
    }

    @Test
    void held_followsPagesToTheLast() {
        List<String> tokens = new ArrayList<>();

        Set<dev.lakesetup.core.model.Privilege> held = check.held(token -> {
            tokens.add(token);
            return token == null ? page(Privilege.USE_CATALOG, "p2") : page(Privilege.SELECT, "");
        }, SP, 10);

        assertThat(tokens).containsExactly(null, "p2");
        assertThat(held).containsExactlyInAnyOrder(dev.lakesetup.core.model.Privilege.USE_CATALOG,
                dev.lakesetup.core.model.Privilege.SELECT);
    }

    @Test
    void held_whenTheServiceRepeatsAPageToken_failsFatallyInsteadOfLooping() {
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> check.held(token -> {
            tokens.add(token);
            return page(Privilege.USE_CATALOG, "again");
        }, SP, 10)).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL))
                .hasMessageContaining("read effective privileges on catalog sales").hasMessageContaining("twice");
        assertThat(tokens).hasSize(2);
    }

    @Test
    void held_whenTokensNeverEnd_stopsAtThePageLimit() {
        int[] calls = {0};

        assertThatThrownBy(() -> check.held(token -> page(Privilege.USE_CATALOG, "t" + ++calls[0]), SP, 5))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL))
                .hasMessageContaining("more than 5 pages");
        assertThat(calls[0]).isEqualTo(5);
    }
}
