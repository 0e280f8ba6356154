package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.testkit.FakeWorkspace;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Legal Unity Catalog names reach the right path; a workspace without Unity Catalog fails before any change. */
class NamesAndPreflightTest {

    @ParameterizedTest
    @ValueSource(strings = {"a#b", "a?b", "a%b", "a&b=c", "ümlaut", "a`b", "a+b"})
    void apply_whenNameHasUrlSpecialCharacters_addressesThatCatalog(String name) {
        try (FakeFixture f = FakeFixture.start()) {
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
            Blueprint blueprint = Blueprint.builder().resource(Catalog.named(name).comment("c"))
                    .grant(Grant.on(Securable.catalog(name)).to(Principal.group("analysts")).privileges(USE_CATALOG))
                    .build();

            assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();

            assertThat(f.fake.snapshot().catalogs()).contains(name.toLowerCase(java.util.Locale.ROOT));
            assertThat(f.fake.snapshot().grantsOn("catalog", name.toLowerCase(java.util.Locale.ROOT)))
                    .isEqualTo(Map.of("analysts", Set.of("USE_CATALOG")));
            assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
        }
    }

    @Test
    void plan_whenNoMetastoreAssigned_failsClearlyBeforeAnyChange() {
        try (FakeFixture f = FakeFixture.start(FakeWorkspace.builder().unityCatalog(false))) {
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
            Blueprint blueprint = Blueprint.builder().resource(Catalog.named("sales")).build();

            LakesetupException e = catchThrowableOfType(LakesetupException.class, () -> lakesetup.plan(blueprint));

            assertThat(e).isNotNull();
            Throwable root = e instanceof ServiceException ? e : e.getCause();
            assertThat(root).isInstanceOf(ServiceException.class);
            assertThat(((ServiceException) root).failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(root.getMessage()).contains("Unity Catalog is not enabled").contains("no metastore");
            assertThat(f.fake.requests().perEndpoint().keySet())
                    .noneMatch(k -> k.startsWith("POST") || k.startsWith("PATCH") || k.startsWith("PUT"));
            assertThat(f.fake.snapshot().catalogs()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html|<html><body><h1>404 Not Found</h1></body></html>", "text/plain|404 page not found",
            "text/plain|", "application/json|{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found\"}"})
    void plan_whenHostDoesNotServeUnityCatalogApi_saysSoInsteadOfNoMetastore(String answer) {
        try (FakeFixture f = FakeFixture.start()) {
            String[] parts = answer.split("\\|", -1);
            f.fake.faults().on("GET", "/api/2.1/unity-catalog/current-metastore-assignment").always()
                    .respond(dev.lakesetup.testkit.FaultResponse.raw(404, parts[0], parts[1]));
            Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
            Blueprint blueprint = Blueprint.builder().resource(Catalog.named("sales")).build();

            LakesetupException e = catchThrowableOfType(LakesetupException.class, () -> lakesetup.plan(blueprint));

            assertThat(e).isNotNull();
            Throwable root = e instanceof ServiceException ? e : e.getCause();
            assertThat(root).isInstanceOf(ServiceException.class);
            assertThat(((ServiceException) root).failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(root.getMessage()).contains("does not serve the Unity Catalog API")
                    .doesNotContain("no metastore").doesNotContain("Status: 404").contains("404");
            assertThat(root.getCause()).isNotNull();
            assertThat(root.getCause().getMessage()).doesNotContain("Status: 404").doesNotEndWith("404 ");
        }
    }
}
