package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.fleet.Fleet;
import dev.lakesetup.core.fleet.FleetMember;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FleetTasks.rotate on the secret rotation fixture: rotated is CHANGED, not due is OK. */
class FleetRotationTest extends SecretRotationFixture {

    private FleetReport run(SecretRotation rotation) {
        Fleet fleet = Fleet.builder().concurrency(1).clock(clock).build();
        // the member's connection takes the fleet's gate, as a fleet requires; the rotation is the fixture's
        return fleet.run(List.of(FleetMember.<DatabricksWorkspace>of("customer-a", () -> DatabricksWorkspace.builder()
                        .host(f.fake.host()).plainHttpForTesting().pat(f.fake.adminToken())
                        .warehouseId(FakeFixture.WAREHOUSE).callGate(fleet.callGate()).build())),
                FleetTasks.rotate((engine, workspace) -> rotation));
    }

    @Test
    void rotate_whenNotDue_isOkAndWhenDue_isChanged() {
        FleetReport notDue = run(rotation().rotateWhenExpiringWithin(Duration.ofDays(14)).build());
        FleetReport due = run(rotation().build());

        assertThat(notDue.line("customer-a").orElseThrow().status()).as(notDue.lines().toString())
                .isEqualTo(FleetStatus.OK);
        assertThat(notDue.line("customer-a").orElseThrow().summary()).startsWith("NOT_DUE");
        assertThat(due.line("customer-a").orElseThrow().status()).as(due.lines().toString())
                .isEqualTo(FleetStatus.CHANGED);
        assertThat(ids()).hasSizeGreaterThanOrEqualTo(1);
    }
}
