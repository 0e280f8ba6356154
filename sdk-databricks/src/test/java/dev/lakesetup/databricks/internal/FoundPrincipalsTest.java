package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The directory's memory of principals found expires on the policy's clock and never passes its size. */
class FoundPrincipalsTest {
    private final FakeTime time = new FakeTime();

    @Test
    void contains_whenFoundLessThanTheExpiryAgo_isTrue_andAfterItIsFalse() {
        FoundPrincipals found = new FoundPrincipals(time);
        found.add("Group:analysts");

        time.advance(FoundPrincipals.TRUSTED_FOR.minusSeconds(1));
        assertThat(found.contains("Group:analysts")).isTrue();

        time.advance(Duration.ofSeconds(1));
        assertThat(found.contains("Group:analysts")).as("a principal deleted since is asked for again").isFalse();
        assertThat(found.size()).isZero();
    }

    @Test
    void add_whenFullOfFreshEntries_remembersNoMore() {
        FoundPrincipals found = new FoundPrincipals(time, Duration.ofMinutes(10), 3);
        for (int i = 0; i < 10; i++) {
            found.add("User:u" + i);
        }

        assertThat(found.size()).isEqualTo(3);
        assertThat(found.contains("User:u0")).isTrue();
        assertThat(found.contains("User:u9")).isFalse();
    }

    @Test
    void add_whenFullAndSomeEntriesExpired_dropsThemAndRemembersTheNewOne() {
        FoundPrincipals found = new FoundPrincipals(time, Duration.ofMinutes(10), 2);
        found.add("User:old1");
        found.add("User:old2");
        time.advance(Duration.ofMinutes(11));

        found.add("User:new");

        assertThat(found.size()).isEqualTo(1);
        assertThat(found.contains("User:new")).isTrue();
    }
}
