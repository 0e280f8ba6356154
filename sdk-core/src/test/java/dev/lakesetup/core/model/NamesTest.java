package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void catalogName_whenCaseDiffers_isEqualAndKeepsSpelling() {
        CatalogName upper = CatalogName.of("SEGMENT_LINKED_PROFILES_DB");
        CatalogName lower = CatalogName.of("segment_linked_profiles_db");

        assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(upper.fullName()).isEqualTo("SEGMENT_LINKED_PROFILES_DB");
        assertThat(upper.name().normalized()).isEqualTo("segment_linked_profiles_db");
    }

    @Test
    void identifier_whenCharactersUnityCatalogAllows_isAccepted() {
        assertThat(CatalogName.of("a`b").fullName()).isEqualTo("a`b");
        assertThat(CatalogName.of("x;y--z").fullName()).isEqualTo("x;y--z");
        assertThat(CatalogName.of("données").fullName()).isEqualTo("données");
        assertThat(CatalogName.of("a".repeat(255)).fullName()).hasSize(255);
    }

    @Test
    void differentKinds_withSameName_areNotEqual() {
        assertThat((Securable) CatalogName.of("x")).isNotEqualTo(StorageCredentialName.of("x"));
        assertThat(StorageCredentialName.of("x")).isNotEqualTo(ExternalLocationName.of("x"));
    }

    @Test
    void schemaAndTable_parseDottedNames_andKnowTheirAncestors() {
        TableName table = TableName.parse("Sales.Raw.Events");

        assertThat(table.fullName()).isEqualTo("Sales.Raw.Events");
        assertThat(table).isEqualTo(Securable.table("sales", "raw", "events"));
        assertThat(table.ancestors()).containsExactly(CatalogName.of("sales"), SchemaName.of("sales", "raw"));
        assertThat(SchemaName.parse("sales.raw").ancestors()).containsExactly(CatalogName.of("sales"));
        assertThat(Securable.metastore().parts()).isEmpty();
        assertThat(Securable.metastore().fullName()).isEmpty();
    }

    @Test
    void principals_compareLikeTheService() {
        ApplicationId id = ApplicationId.of("FFFA5B05-1DA5-4599-8360-CC2684BCDEFB");

        assertThat(id.toString()).isEqualTo("fffa5b05-1da5-4599-8360-cc2684bcdefb");
        assertThat(Principal.servicePrincipal(id)).isEqualTo(Principal.servicePrincipal(
                ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb")));
        assertThat(Principal.user("Alice@Example.com")).isEqualTo(Principal.user("alice@example.com"))
                .hasSameHashCodeAs(Principal.user("alice@example.com"));
        assertThat(Principal.group("Account Users")).isEqualTo(Principal.group("account users"));
        assertThat(Principal.servicePrincipalNamed("etl")).isEqualTo(ServicePrincipal.named("etl"))
                .isNotEqualTo(Principal.servicePrincipal(id));
        assertThat(Principal.servicePrincipalNamed("etl").isResolved()).isFalse();
        assertThat(Principal.servicePrincipal(id).grantName()).isEqualTo("fffa5b05-1da5-4599-8360-cc2684bcdefb");
    }

    @Test
    void storageUrl_dropsTrailingSlash_andKnowsContainment() {
        StorageUrl container = StorageUrl.of("abfss://lake@acct.dfs.core.windows.net/");
        StorageUrl below = StorageUrl.of("abfss://lake@acct.dfs.core.windows.net/segment/");

        assertThat(container.value()).isEqualTo("abfss://lake@acct.dfs.core.windows.net");
        assertThat(below.value()).isEqualTo("abfss://lake@acct.dfs.core.windows.net/segment");
        assertThat(below.isWithin(container)).isTrue();
        assertThat(container.isWithin(below)).isFalse();
        assertThat(StorageUrl.of("abfss://lake@acct.dfs.core.windows.net/segmentx").isWithin(below)).isFalse();
    }

    @Test
    void secret_neverPrints() {
        Secret secret = Secret.of("dose-very-secret");
        OAuthCredentials credentials = new OAuthCredentials(
                ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"), secret);
        StorageIdentity identity = new StorageIdentity.AzureServicePrincipal(
                "9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"),
                secret);
        StorageCredential credential = StorageCredential.named("cred", identity);

        assertThat(secret).hasToString("****");
        assertThat(credentials.toString()).doesNotContain("dose-very-secret").contains("****");
        assertThat(identity.toString()).doesNotContain("dose-very-secret");
        assertThat(credential.toString()).doesNotContain("dose-very-secret").contains("client secret=****");
        assertThat(secret.reveal()).isEqualTo("dose-very-secret");
    }
}
