package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Data Graph setup that keeps its run record, then its teardown with that record, on the fake workspace. */
class DataGraphTeardownTest extends OnFakeWorkspace {
    private static final String NAME = "acme-data-graph";
    private final List<OAuthCredentials> vault = new ArrayList<>();

    private DataGraphSetup setup() {
        return DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing").secretSink(vault::add).build();
    }

    @Test
    void run_withRecord_keepsARecordWithoutSecretThatTeardownUndoesExactly() {
        f.fake.seedCatalog("marketing").seedCatalog("segment_profiles").seedGroup("analysts")
                .seedGrant("catalog", "marketing", "analysts", "USE_CATALOG", "SELECT");
        MemoryRecordStore store = new MemoryRecordStore();
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
        DataGraphSetup setup = setup();

        SetupResult result = setup.run(lakesetup, f.workspace,
                RecipeTestRuns.FAKE_OPTIONS.record(store, "customers/acme"));
        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        String json = store.read("customers/acme").orElseThrow();
        RunRecord record = RunRecords.load(store, "customers/acme").orElseThrow();
        Plan teardown = setup.teardown(lakesetup, f.workspace, TeardownOptions.defaults().record(record));
        ApplyReport report = lakesetup.apply(teardown, ApplyOptions.defaults().withRevokesAllowed()
                .withDeletesAllowed());

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(json).doesNotContain(vault.get(0).secret().reveal()).contains("service_principal");
        assertThat(teardown.changes()).extracting(Change::action)
                .allMatch(action -> action == Action.REVOKE || action == Action.DELETE);
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(f.fake.snapshot().grantsOn("catalog", "marketing")).doesNotContainKey(sp)
                .containsEntry("analysts", Set.of("USE_CATALOG", "SELECT"));
        assertThat(f.fake.snapshot().grantsOn("catalog", "segment_profiles")).doesNotContainKey(sp);
        assertThat(PlanFormat.TEXT.render(teardown)).doesNotContain(vault.get(0).secret().reveal());
        assertThat(f.fake.snapshot().secretsPerPrincipal().getOrDefault(sp, 0)).isZero();
        assertThat(f.fake.snapshot().warehouseAcls().get(FakeFixture.WAREHOUSE))
                .doesNotContainKey("service_principal_name:" + sp);
        // created in the workspace and not named: it stays
        assertThat(f.fake.snapshot().principals()).filteredOn(p -> p.applicationId().equals(sp)).singleElement()
                .satisfies(p -> assertThat(p.inWorkspace()).isTrue());
        assertThat(teardown.notes()).anyMatch(note -> note.contains("not named for deletion")
                && note.contains("service principal named:" + NAME));
        assertThat(setup.teardown(lakesetup, f.workspace, TeardownOptions.defaults().record(record)).changes())
                .isEmpty();
    }

    @Test
    void teardown_whenPrincipalAndBookkeepingCatalogNamed_removesEverythingTheSetupMade() {
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
        DataGraphSetup setup = setup();
        f.fake.seedCatalog("marketing").seedCatalog("segment_profiles");
        MemoryRecordStore store = new MemoryRecordStore();
        setup.run(lakesetup, f.workspace, RecipeTestRuns.FAKE_OPTIONS.record(store, "acme"));
        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        TeardownOptions options = TeardownOptions.defaults().record(RunRecords.load(store, "acme").orElseThrow())
                .deletePrincipal(setup.principal()).delete(Catalog.named(setup.bookkeepingCatalog()));

        Plan plan = setup.teardown(lakesetup, f.workspace, options);
        ApplyReport report = lakesetup.apply(plan, ApplyOptions.defaults().withRevokesAllowed()
                .withDeletesAllowed());

        assertThat(report.isSuccess()).as(report + "\n" + PlanFormat.TEXT.render(plan)).isTrue();
        assertThat(f.fake.snapshot().principals()).noneMatch(p -> p.applicationId().equals(sp) && p.inWorkspace());
        assertThat(f.fake.snapshot().catalogs()).doesNotContain(setup.bookkeepingCatalog().name().value())
                .contains("marketing", "segment_profiles");
        assertThat(setup.teardown(lakesetup, f.workspace, options).changes()).isEmpty();
    }

    @Test
    void run_whenRecordStoreFails_failsBeforeAnyChangeNamingTheKey() {
        f.fake.seedCatalog("marketing").seedCatalog("segment_profiles");
        RecordStore failing = new Delegating(new MemoryRecordStore(), () -> {
            throw new IllegalStateException("disk full");
        });
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

        assertThatThrownBy(() -> setup().run(lakesetup, f.workspace,
                RecipeTestRuns.FAKE_OPTIONS.record(failing, "customers/acme")))
                .isInstanceOf(LakesetupException.class).hasMessageContaining("customers/acme")
                .hasMessageContaining("nothing was applied");
        assertThat(f.fake.snapshot().principals()).noneMatch(p -> p.displayName().equals(NAME));
        assertThat(vault).isEmpty();
    }

    @Test
    void run_withRecord_savesTheRecordBeforeApplyingSoACrashCannotLoseIt() {
        f.fake.seedCatalog("marketing").seedCatalog("segment_profiles");
        List<Integer> principalsAtWrite = new ArrayList<>();
        RecordStore store = new Delegating(new MemoryRecordStore(), () -> principalsAtWrite.add((int) f.fake
                .snapshot().principals().stream().filter(p -> p.displayName().equals(NAME)).count()));
        Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());

        setup().run(lakesetup, f.workspace, RecipeTestRuns.FAKE_OPTIONS.record(store, "acme"));

        assertThat(principalsAtWrite).containsExactly(0);
        assertThat(RunRecords.load(store, "acme").orElseThrow().created())
                .anyMatch(id -> id.kind().equals("service_principal"));
    }

    /** A store that runs a hook before each write. */
    private record Delegating(RecordStore store, Runnable beforeWrite) implements RecordStore {
        @Override
        public Optional<String> read(String key) {
            return store.read(key);
        }

        @Override
        public void write(String key, String document) {
            beforeWrite.run();
            store.write(key, document);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public List<String> keys(String prefix) {
            return store.keys(prefix);
        }
    }
}
