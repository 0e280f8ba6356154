package dev.lakesetup.examples;

import dev.lakesetup.testkit.FakeWorkspace;
import java.util.List;

/** Sample catalogs and tables for the offline run: what a customer's workspace might hold before setup. */
final class SampleData {
    static final String PROFILES_TABLE = "segment_profiles.profiles.identities";
    static final String ORDERS_TABLE = "sales.orders.items";
    static final String DESCRIPTION = "catalogs segment_profiles, marketing, sales (schemas orders, customers, "
            + "finance)";

    private SampleData() {
    }

    static void seed(FakeWorkspace fake) {
        List<String> columns = List.of("id INT", "email STRING");
        List<List<?>> rows = List.of(List.of(1, "ada@example.com"), List.of(2, "grace@example.com"));
        fake.seedTable(PROFILES_TABLE, columns, rows)
                .seedTable("marketing.campaigns.sends", columns, rows)
                .seedTable(ORDERS_TABLE, List.of("id INT", "sku STRING"), List.of(List.of(7, "A-1"), List.of(8, "B-2")))
                .seedTable("sales.customers.accounts", columns, rows)
                .seedTable("sales.finance.salaries", List.of("id INT", "amount INT"), List.of(List.of(1, 100)));
    }
}
