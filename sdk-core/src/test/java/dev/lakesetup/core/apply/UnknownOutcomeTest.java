package dev.lakesetup.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A create whose outcome is unknown (applied, then the answer was lost) is read back before it is sent again. */
class UnknownOutcomeTest {
    private static final ChangeId CATALOG = ChangeId.of("catalog:sales");

    private final FakeTime time = new FakeTime();
    private final LosesOneAnswer workspace = new LosesOneAnswer(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    /** Applies the first create it is given, then fails as if the connection was reset before the answer. */
    private static final class LosesOneAnswer extends InMemoryWorkspace {
        private final AtomicBoolean lost = new AtomicBoolean();

        LosesOneAnswer(FakeTime time) {
            super(time);
        }

        @Override
        public ChangeResult apply(Change change, ExecutionContext context) {
            ChangeResult result = super.apply(change, context);
            if (lost.compareAndSet(false, true)) {
                throw ServiceException.builder(Failure.TRANSIENT, "connection reset").build();
            }
            return result;
        }
    }

    @Test
    void apply_whenCreateAppliedButAnswerLost_readsItBackAndSendsNoSecondCreate() {
        ApplyReport report = lakesetup.apply(lakesetup.plan(Blueprint.builder()
                .resource(Catalog.named("sales").comment("c")).build()));

        ChangeOutcome outcome = report.outcome(CATALOG).orElseThrow();
        assertThat(outcome.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(outcome.reason()).contains("answer was lost");
        assertThat(workspace.calls()).containsOnlyOnce("apply " + CATALOG);
    }

    @Test
    void apply_whenCreateFailedTransientlyWithoutApplying_sendsItAgain() {
        InMemoryWorkspace plain = new InMemoryWorkspace(time);
        plain.failNext(CATALOG, ServiceException.builder(Failure.TRANSIENT, "connection reset").build());
        Lakesetup engine = Fixtures.lakesetup(plain, time).build();

        ApplyReport report = engine.apply(engine.plan(Blueprint.builder().resource(Catalog.named("sales")).build()));

        assertThat(report.outcome(CATALOG).orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.outcome(CATALOG).orElseThrow().attempts()).isEqualTo(2);
        assertThat(plain.calls()).filteredOn(c -> c.equals("apply " + CATALOG)).hasSize(2);
    }

    @Test
    void apply_whenOAuthSecretIssuedButAnswerLost_failsSayingRotateAndIssuesNoSecond() {
        ServicePrincipal sp = Principal.servicePrincipal(ApplicationId.of("9f0c0000-0000-4000-8000-000000000001"));
        List<OAuthCredentials> sink = new ArrayList<>();

        ApplyReport report = lakesetup.apply(lakesetup.plan(Blueprint.builder()
                .resource(OAuthSecret.forPrincipal(sp, sink::add)).build()));

        assertThat(workspace.secretsIssued()).isEqualTo(1);
        assertThat(sink).isEmpty();
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(f.reason()).contains("did not create a second secret").contains("Rotate");
        });
    }
}
