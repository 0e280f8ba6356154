package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameHashingTest {

    @Test
    void hashCode_whenNamesAreNumbered_almostNeverCollides() {
        Set<Integer> schemaHashes = new HashSet<>();
        Set<Integer> tableHashes = new HashSet<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            SchemaName schema = SchemaName.of("c" + i / 100, "s" + i % 100);
            schemaHashes.add(schema.hashCode());
            tableHashes.add(schema.table("t" + i % 7).hashCode());
        }
        assertThat(schemaHashes).hasSizeGreaterThan(n - 100);
        assertThat(tableHashes).hasSizeGreaterThan(n - 100);
    }

    @Test
    void hashCode_whenSpellingDiffersOnlyInCase_isEqualAndNamesAreEqual() {
        SchemaName lower = SchemaName.of("sales", "raw");
        SchemaName mixed = SchemaName.of("Sales", "RAW");
        assertThat(mixed).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(mixed.table("Orders")).isEqualTo(lower.table("orders")).hasSameHashCodeAs(lower.table("orders"));
        assertThat(Identifier.of("name", "Ab").hashCode()).isEqualTo(Identifier.of("name", "aB").hashCode());
    }

    @Test
    void canonicalSet_whenGivenUnorderedRepeats_keepsCanonicalOrderOnce() {
        Set<Privilege> set = Privilege.canonicalSet(java.util.List.of(Privilege.SELECT, Privilege.USE_SCHEMA,
                Privilege.SELECT));
        assertThat(set).containsExactlyElementsOf(new java.util.TreeSet<>(set)).hasSize(2);
        assertThat(Privilege.canonicalSet(set)).isSameAs(set);
        assertThat(set).isEqualTo(Set.of(Privilege.SELECT, Privilege.USE_SCHEMA));
    }
}
