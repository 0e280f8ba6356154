package dev.lakesetup.core.testing;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SecurableType;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** Shared values and a Lakesetup wired to an in-memory workspace and fake time. */
public final class Fixtures {
    public static final ApplicationId APP = ApplicationId.of("9f0c3a52-1b7e-4c55-8d0a-2f1e6b9c7d41");
    public static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks/"
            + "accessConnectors/ac1";

    private Fixtures() {
    }

    /** A retry policy without jitter, so delays are exact. */
    public static RetryPolicy exactPolicy() {
        return RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2))
                .maxRetryAfter(Duration.ofSeconds(30)).readBackInterval(Duration.ofMillis(250)).build();
    }

    /** A Lakesetup on fake time with a generous rate limit. */
    public static Lakesetup.Builder lakesetup(InMemoryWorkspace workspace, FakeTime time, ApplyListener... listeners) {
        Lakesetup.Builder builder = Lakesetup.builder().executor(workspace).clock(time).sleeper(time)
                .retryPolicy(exactPolicy());
        for (ApplyListener listener : listeners) {
            builder.listener(listener);
        }
        return builder;
    }

    /** Parses privileges as a reader would, admitting unknown names. */
    public static Set<Privilege> parsed(SecurableType type, String... names) {
        Set<Privilege> set = new LinkedHashSet<>();
        for (String name : names) {
            set.add(Privilege.parse(name, type, Privilege.UnknownNames.ALLOW));
        }
        return set;
    }
}
