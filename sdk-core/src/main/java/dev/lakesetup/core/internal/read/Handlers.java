package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handlers of the registered executors, looked up by resource class and by securable type: the first registered
 * executor that offers one wins. The one place where the engine finds who reads and changes what.
 */
public final class Handlers {
    private final List<String> names = new ArrayList<>();
    private final Map<Class<?>, ResourceHandler<?>> byClass = new HashMap<>();
    private final Map<SecurableType, GrantStore> byType = new EnumMap<>(SecurableType.class);
    private final List<PrincipalDirectory> directories = new ArrayList<>();

    /**
     * Indexes the handlers of executors.
     *
     * @param executors the executors, in priority order
     */
    public Handlers(List<Executor> executors) {
        for (Executor executor : executors) {
            names.add(executor.name());
            for (ResourceHandler<?> handler : executor.resourceHandlers()) {
                byClass.putIfAbsent(handler.type(), handler);
            }
            for (GrantStore store : executor.grantStores()) {
                store.securableTypes().forEach(type -> byType.putIfAbsent(type, store));
            }
            // one directory offered by two executors (REST and SQL of one workspace) is asked once, not twice
            executor.principalDirectory().filter(this::isNew).ifPresent(directories::add);
        }
    }

    /**
     * Checks that every declared resource kind and securable type has a handler, before anything is read.
     *
     * @param resources the declared resources
     * @param securables the securables whose grants are read or changed
     * @throws LakesetupException naming every kind and type no executor handles, and the registered executors
     */
    public void checkHandled(Collection<Resource> resources, Collection<Securable> securables) {
        Set<String> unhandled = new LinkedHashSet<>();
        Class<?> last = null;
        for (Resource resource : resources) {
            if (resource.getClass() != last && !byClass.containsKey(resource.getClass())) {
                unhandled.add("resources of kind " + resource.id().kind());
            }
            last = resource.getClass();
        }
        for (Securable securable : securables) {
            if (!byType.containsKey(securable.type())) {
                unhandled.add("grants on " + securable.type().apiName());
            }
        }
        if (!unhandled.isEmpty()) {
            throw new LakesetupException("no registered executor handles " + String.join(", ", unhandled)
                    + "; registered: " + names);
        }
    }

    private boolean isNew(PrincipalDirectory directory) {
        return directories.stream().noneMatch(known -> known == directory);
    }

    /**
     * Tells whether a registered executor applies a change: a handler of its resource's kind, or a store of the
     * grants on its securable.
     *
     * @param change a change
     * @return {@code true} when one applies it
     */
    public boolean handles(Change change) {
        if (change instanceof ResourceChange resource) {
            return byClass.containsKey(resource.resource().getClass());
        }
        return byType.containsKey(((GrantChange) change).securable().type());
    }

    /**
     * Returns the handler of a resource's kind.
     *
     * @param resource a resource
     * @return its handler
     * @throws LakesetupException when none handles it
     */
    @SuppressWarnings("unchecked")
    public ResourceHandler<Resource> handlerOf(Resource resource) {
        ResourceHandler<?> handler = byClass.get(resource.getClass());
        if (handler == null) {
            throw new LakesetupException("no registered executor handles resources of kind " + resource.id().kind()
                    + "; registered: " + names);
        }
        return (ResourceHandler<Resource>) handler;
    }

    /**
     * Returns the store of the grants on a securable.
     *
     * @param securable a securable
     * @return its grant store
     * @throws LakesetupException when none handles it
     */
    public GrantStore storeOf(Securable securable) {
        GrantStore store = byType.get(securable.type());
        if (store == null) {
            throw new LakesetupException("no registered executor handles grants on " + securable.type().apiName()
                    + "; registered: " + names);
        }
        return store;
    }

    /**
     * Returns the principal directories, in executor order.
     *
     * @return the directories
     */
    public List<PrincipalDirectory> directories() {
        return directories;
    }

    /**
     * Returns the registered executors' names, in order.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }
}
