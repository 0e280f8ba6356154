package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs classes that register the fakes' extensions wrongly and checks that they fail loudly. */
class ExtensionRegistrationTest {

    @Test
    void workspaceExtension_onInstanceField_failsInsteadOfInjectingNull() {
        List<TestExecutionSummary.Failure> failures = run(WorkspaceOnInstanceField.class);

        assertThat(failures).singleElement().satisfies(f -> assertThat(f.getException())
                .hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("FakeWorkspaceExtension").hasMessageContaining("static"));
    }

    @Test
    void azureExtension_onInstanceField_failsInsteadOfInjectingNull() {
        List<TestExecutionSummary.Failure> failures = run(AzureOnInstanceField.class);

        assertThat(failures).singleElement().satisfies(f -> assertThat(f.getException())
                .hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("FakeAzureExtension").hasMessageContaining("static"));
    }

    @Test
    void workspaceExtension_onStaticField_injectsTheStartedWorkspace() {
        assertThat(run(WorkspaceOnStaticField.class)).isEmpty();
    }

    private static List<TestExecutionSummary.Failure> run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        assertThat(listener.getSummary().getTestsFoundCount()).isEqualTo(1);
        return listener.getSummary().getFailures();
    }

    /** Registers the workspace extension on an instance field: JUnit never calls its beforeAll. */
    static class WorkspaceOnInstanceField {
        @RegisterExtension
        final FakeWorkspaceExtension fake = FakeWorkspaceExtension.configure(b -> { });

        @Test
        void uses(FakeWorkspace ws) {
            assertThat(ws.host()).startsWith("http://127.0.0.1:");
        }
    }

    /** Registers the Azure extension on an instance field. */
    static class AzureOnInstanceField {
        @RegisterExtension
        final FakeAzureExtension fake = FakeAzureExtension.configure(b -> { });

        @Test
        void uses(FakeAzure azure) {
            assertThat(azure.baseUrl()).startsWith("http://127.0.0.1:");
        }
    }

    /** Registers the workspace extension as documented. */
    static class WorkspaceOnStaticField {
        @RegisterExtension
        static final FakeWorkspaceExtension FAKE = FakeWorkspaceExtension.configure(b -> { });

        @Test
        void uses(FakeWorkspace ws) {
            assertThat(ws.host()).startsWith("http://127.0.0.1:");
        }
    }
}
