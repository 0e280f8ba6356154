package dev.lakesetup.databricks.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Ipv4RangeTest {

    @ParameterizedTest
    @CsvSource({"52.25.130.38, 52.25.130.38, 52.25.130.38", "10.1.2.3/8, 10.0.0.0, 10.255.255.255",
            "0.0.0.0/0, 0.0.0.0, 255.255.255.255", "192.168.1.0/24, 192.168.1.0, 192.168.1.255"})
    void parse_whenAddressOrBlock_spansTheBlock(String text, String first, String last) {
        Ipv4Range range = Ipv4Range.parse("range", text);

        assertThat(range.first()).isEqualTo(Ipv4Range.parse("x", first).first());
        assertThat(range.last()).isEqualTo(Ipv4Range.parse("x", last).last());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4/33", "256.1.1.1", "2001:db8::/32", "1.2.3.4/", "a.b.c.d"})
    void parse_whenNotIpv4_namesFieldValueAndAcceptedForm(String text) {
        assertThatThrownBy(() -> Ipv4Range.parse("vendor IP range", text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("vendor IP range").hasMessageContaining("IPv4");
    }

    @Test
    void isCoveredBy_whenAdjacentBlocksTogetherCoverIt_isTrue() {
        Ipv4Range wanted = Ipv4Range.parse("r", "10.0.0.0/23");

        assertThat(wanted.isCoveredBy(List.of(Ipv4Range.parse("r", "10.0.1.0/24"),
                Ipv4Range.parse("r", "10.0.0.0/24")))).isTrue();
        assertThat(wanted.isCoveredBy(List.of(Ipv4Range.parse("r", "10.0.0.0/24")))).isFalse();
        assertThat(wanted.isCoveredBy(List.of())).isFalse();
    }

    @Test
    void overlaps_whenOneAddressIsShared_isTrue() {
        assertThat(Ipv4Range.parse("r", "10.0.0.0/28").overlaps(Ipv4Range.parse("r", "10.0.0.15"))).isTrue();
        assertThat(Ipv4Range.parse("r", "10.0.0.0/28").overlaps(Ipv4Range.parse("r", "10.0.0.16"))).isFalse();
    }
}
