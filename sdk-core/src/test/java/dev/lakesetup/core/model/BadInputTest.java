package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a caller can get input wrong fails fast, naming the field, the value and what is accepted. */
class BadInputTest {

    static Stream<Arguments> badInputs() {
        String long256 = "a".repeat(256);
        return Stream.of(
                bad("empty catalog", () -> CatalogName.of(""), "catalog name", "''"),
                bad("null catalog", () -> CatalogName.of(null), "catalog name", "null"),
                bad("256 characters", () -> CatalogName.of(long256), "catalog name", "(256 characters)"),
                bad("dot in catalog", () -> CatalogName.of("sales.eu"), "catalog name", "'sales.eu'"),
                bad("space in catalog", () -> CatalogName.of("sales eu"), "catalog name", "'sales eu'"),
                bad("slash in catalog", () -> CatalogName.of("sales/eu"), "catalog name", "'sales/eu'"),
                bad("newline in catalog", () -> CatalogName.of("sales\neu"), "catalog name", "'sales\\u000aeu'"),
                bad("tab in catalog", () -> CatalogName.of("sales\teu"), "catalog name", "'sales\\u0009eu'"),
                bad("NUL in catalog", () -> CatalogName.of("sales\0"), "catalog name", "'sales\\u0000'"),
                bad("DEL in catalog", () -> CatalogName.of("sales\u007f"), "catalog name", "'sales\\u007f'"),
                bad("injection with ; and space", () -> CatalogName.of("x; DROP CATALOG main"), "catalog name",
                        "'x; DROP CATALOG main'"),
                bad("injection with -- and space", () -> CatalogName.of("x -- comment"), "catalog name",
                        "'x -- comment'"),
                bad("injection with ; and newline", () -> CatalogName.of("x;\nDROP"), "catalog name", "'x;\\u000aDROP'"),
                bad("grant to a deleted principal", () -> Blueprint.builder().grant(Grant.on(Securable.catalog("s"))
                        .to(DeletedPrincipal.of("1234")).privileges(Privilege.SELECT)).build(), "grant principal",
                        "'deleted principal 1234'"),
                bad("warehouse permission for a deleted principal", () -> WarehousePermission.canUse("abc123",
                        DeletedPrincipal.of("1234")), "principal", "'deleted principal 1234'"),
                bad("dot in schema", () -> SchemaName.of("sales", "raw.events"), "schema name", "'raw.events'"),
                bad("empty schema", () -> SchemaName.of("sales", ""), "schema name", "''"),
                bad("schema full name with 3 parts", () -> SchemaName.parse("a.b.c"), "schema full name", "'a.b.c'"),
                bad("table full name with 2 parts", () -> TableName.parse("a.b"), "table full name", "'a.b'"),
                bad("space in table", () -> TableName.of("a", "b", "my table"), "table name", "'my table'"),
                bad("slash in credential", () -> StorageCredentialName.of("cred/1"), "storage credential name",
                        "'cred/1'"),
                bad("empty location", () -> ExternalLocationName.of(""), "external location name", "''"),
                bad("invalid UUID", () -> ApplicationId.of("not-a-uuid"), "application id", "'not-a-uuid'"),
                bad("short UUID", () -> ApplicationId.of("1-1-1-1-1"), "application id", "'1-1-1-1-1'"),
                bad("UUID with braces", () -> ApplicationId.of("{fffa5b05-1da5-4599-8360-cc2684bcdefb}"),
                        "application id", "'{fffa5b05"),
                bad("empty e-mail", () -> User.of(""), "user e-mail", "''"),
                bad("e-mail without @", () -> User.of("alice.example.com"), "user e-mail", "'alice.example.com'"),
                bad("e-mail with two @", () -> User.of("a@b@c"), "user e-mail", "'a@b@c'"),
                bad("e-mail with space", () -> User.of("a b@c.com"), "user e-mail", "'a b@c.com'"),
                bad("blank group", () -> Group.of("   "), "group name", "'   '"),
                bad("group with newline", () -> Group.of("admins\n--"), "group name", "'admins\\u000a--'"),
                bad("blank service principal name", () -> ServicePrincipal.named(""),
                        "service principal display name", "''"),
                bad("READ FILES on a catalog", () -> Privilege.parse("READ FILES", SecurableType.CATALOG),
                        "privilege", "'READ FILES'"),
                bad("READ_FILES constant on a catalog",
                        () -> Grant.on(Securable.catalog("sales")).to(Group.of("g")).privileges(Privilege.READ_FILES),
                        "privilege", "'READ FILES'"),
                bad("USAGE on a table", () -> Privilege.parse("USAGE", SecurableType.TABLE), "privilege", "'USAGE'"),
                bad("unknown privilege", () -> Privilege.parse("TELEPORT", SecurableType.CATALOG), "privilege",
                        "'TELEPORT'"),
                bad("injection in unknown privilege",
                        () -> Privilege.parse("SELECT; DROP", SecurableType.CATALOG, Privilege.UnknownNames.ALLOW),
                        "privilege", "'SELECT; DROP'"),
                bad("no privileges", () -> Grant.on(Securable.catalog("sales")).to(Group.of("g")).privileges(),
                        "privileges", "'[]'"),
                bad("storage URL with a space", () -> StorageUrl.of("abfss://c@a.dfs.core.windows.net/my dir"),
                        "storage URL", "'abfss://c@a.dfs.core.windows.net/my dir'"),
                bad("storage URL of another scheme", () -> StorageUrl.of("https://a.blob.core.windows.net/c"),
                        "storage URL", "'https://a.blob.core.windows.net/c'"),
                bad("warehouse id with a slash", () -> WarehousePermission.canUse("abc/../x", Group.of("g")),
                        "warehouse id", "'abc/../x'"),
                bad("entitlement with upper case", () -> Entitlement.of("Allow-Cluster-Create"), "entitlement",
                        "'Allow-Cluster-Create'"),
                bad("access connector that is not an ARM id",
                        () -> new StorageIdentity.AzureManagedIdentity("connector-1", null), "access connector id",
                        "'connector-1'"),
                bad("unknown securable type", () -> SecurableType.parse("volume group"), "securable type",
                        "'volume group'"));
    }

    private static Arguments bad(String name, ThrowingCallable call, String field, String shownValue) {
        return Arguments.of(name, call, field, shownValue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void input_whenInvalid_failsNamingFieldValueAndAccepted(String name, ThrowingCallable call, String field,
            String shownValue) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidInputException.class)
                .isInstanceOf(RuntimeException.class)
                .hasMessageStartingWith(field + " ")
                .hasMessageContaining(shownValue)
                .hasMessageContaining("is invalid: ")
                .hasMessageContaining("; accepted: ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void input_whenInvalid_printsNoRawControlCharacters(String name, ThrowingCallable call, String field,
            String shownValue) {
        assertThatThrownBy(call).satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\x7f]"));
    }

    @org.junit.jupiter.api.Test
    void secret_whenEmpty_failsWithoutShowingIt() {
        assertThatThrownBy(() -> new StorageIdentity.AzureServicePrincipal(
                "9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"),
                null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client secret '****' is invalid: it is required; accepted: a non-empty secret");
    }
}
