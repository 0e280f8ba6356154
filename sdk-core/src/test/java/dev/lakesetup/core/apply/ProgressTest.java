package dev.lakesetup.core.apply;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final List<Progress> seen = new CopyOnWriteArrayList<>();
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time, new ApplyListener() {
        @Override
        public void progress(Progress progress) {
            seen.add(progress);
        }
    }).build();

    private final Blueprint blueprint = Blueprint.builder()
            .resource(Catalog.named("profiles").comment("bookkeeping"))
            .grant(Grant.on(Securable.catalog("profiles")).to(Principal.servicePrincipal(APP)).privileges(USE_CATALOG))
            .grant(Grant.on(Securable.catalog("sales")).to(Principal.servicePrincipal(APP))
                    .privileges(USE_CATALOG, SELECT))
            .build();

    private List<String> phase(Progress.Phase phase) {
        return seen.stream().filter(p -> p.phase() == phase).map(Progress::toString).toList();
    }

    @Test
    void plan_reportsReadingFromZeroToEveryObjectRead() {
        lakesetup.plan(blueprint);

        // one catalog, the grants on two securables and the one principal the blueprint names
        assertThat(phase(Progress.Phase.READING)).first().isEqualTo("reading 0 of 4");
        assertThat(phase(Progress.Phase.READING)).last().isEqualTo("reading 4 of 4");
        assertThat(seen).allMatch(p -> p.phase() == Progress.Phase.READING);
    }

    @Test
    void plan_whenPrincipalsAreLookedUp_countsEachLookUpAsAReadingStep() {
        List<Principal> asked = new CopyOnWriteArrayList<>();
        InMemoryWorkspace directory = new InMemoryWorkspace(time) {
            @Override
            public Optional<PrincipalLookup> lookUp(Principal principal) {
                asked.add(principal);
                return Optional.of(PrincipalLookup.found(principal, "directory?name=" + principal.grantName()));
            }
        };
        Lakesetup looking = Fixtures.lakesetup(directory, time, new ApplyListener() {
            @Override
            public void progress(Progress progress) {
                seen.add(progress);
            }
        }).build();

        looking.plan(blueprint);

        // one catalog, the grants on two securables and the one principal: the bar is full only after the look-up
        assertThat(asked).containsExactly(Principal.servicePrincipal(APP));
        assertThat(phase(Progress.Phase.READING)).first().isEqualTo("reading 0 of 4");
        assertThat(phase(Progress.Phase.READING)).last().isEqualTo("reading 4 of 4");
    }

    @Test
    void apply_reportsEveryChangeDecidedAndEveryGrantReadBack() {
        Plan plan = lakesetup.plan(blueprint);
        seen.clear();

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(phase(Progress.Phase.APPLYING)).containsExactly("applying 0 of 3", "applying 1 of 3",
                "applying 2 of 3", "applying 3 of 3");
        // neither grant has a dependent: both are read back together at the end
        assertThat(phase(Progress.Phase.READING_BACK)).containsExactly("reading back 0 of 2", "reading back 1 of 2",
                "reading back 2 of 2");
        assertThat(seen).isSortedAccordingTo((a, b) -> a.phase() == b.phase()
                ? Integer.compare(a.completed(), b.completed()) : 0);
    }

    @Test
    void progress_outOfRange_isRefusedNamingTheCounters() {
        assertThatThrownBy(() -> new Progress(Progress.Phase.APPLYING, 4, 3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("4 of 3");
        assertThat(new Progress(Progress.Phase.VALIDATING, 0, 0).fraction()).isEqualTo(1.0);
        assertThat(new Progress(Progress.Phase.VALIDATING, 1, 4).fraction()).isEqualTo(0.25);
    }
}
