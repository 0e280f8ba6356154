package dev.lakesetup.benchmarks;

import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grants held in memory, read without any I/O: lets the planner's own cost be measured. One grant store for every
 * securable type and no resource handlers; applying is not supported.
 */
final class InMemoryExecutor implements Executor {
    private final Map<Securable, List<PrincipalPrivileges>> grants;
    private final AtomicLong readNanos = new AtomicLong();
    private final GrantStore store = new Store();

    InMemoryExecutor(Map<Securable, List<PrincipalPrivileges>> grants) {
        // a HashMap, not Map.copyOf: the immutable map's linear probing degrades on the clustered hash codes of
        // numbered names (c1.s1, c1.s2, ...), and this executor must cost next to nothing
        this.grants = new HashMap<>(grants);
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public List<ResourceHandler<?>> resourceHandlers() {
        return List.of();
    }

    @Override
    public List<GrantStore> grantStores() {
        return List.of(store);
    }

    /**
     * Returns the time spent answering grant reads so far, so the harness can tell the planner's time from the
     * time this stand-in for the service takes.
     *
     * @return nanoseconds
     */
    long readNanos() {
        return readNanos.get();
    }

    /** Answers grant reads from the map. */
    private final class Store implements GrantStore {
        @Override
        public Set<SecurableType> securableTypes() {
            return EnumSet.allOf(SecurableType.class);
        }

        @Override
        public Map<Securable, List<PrincipalPrivileges>> read(List<Securable> securables, ExecutionContext context) {
            long start = System.nanoTime();
            Map<Securable, List<PrincipalPrivileges>> out = new HashMap<>((int) (securables.size() / 0.75f) + 1);
            for (Securable securable : securables) {
                List<PrincipalPrivileges> held = grants.get(securable);
                if (held != null) {
                    out.put(securable, held);
                }
            }
            readNanos.addAndGet(System.nanoTime() - start);
            return out;
        }

        @Override
        public ChangeResult apply(GrantChange change, ExecutionContext context) {
            throw new UnsupportedOperationException("the in-memory executor only serves reads");
        }
    }
}
