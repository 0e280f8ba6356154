package dev.lakesetup.databricks.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.TableName;
import org.junit.jupiter.api.Test;

class ValidationSqlTest {

    @Test
    void showSchemas_quotesTheCatalog() {
        assertThat(ValidationSql.showSchemas(CatalogName.of("sales"))).isEqualTo("SHOW SCHEMAS IN `sales`");
    }

    @Test
    void selectSample_whenNamesContainBackticks_doublesThem() {
        assertThat(ValidationSql.selectSample(TableName.of("we`ird", "s`", "`t")))
                .isEqualTo("SELECT * FROM `we``ird`.`s```.```t` LIMIT 10");
    }

    @Test
    void checkNames_areReadableAndUnquoted() {
        assertThat(ValidationSql.showSchemasCheck(CatalogName.of("Sales"))).isEqualTo("SHOW SCHEMAS IN Sales");
        assertThat(ValidationSql.selectSampleCheck(TableName.parse("sales.raw.orders")))
                .isEqualTo("SELECT * FROM sales.raw.orders LIMIT 10");
    }
}
