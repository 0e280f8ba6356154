package dev.lakesetup.core.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unmodifiable set of privileges in canonical order, backed by a sorted array: a few privileges per grant, so a
 * linear scan answers {@code contains} faster and with far less memory than a tree. Made only by
 * {@link Privilege#canonicalSet(Collection)}, which returns an instance of this class unchanged.
 */
final class PrivilegeSet extends AbstractSet<Privilege> {
    private final Privilege[] sorted;

    private PrivilegeSet(Privilege[] sorted) {
        this.sorted = sorted;
    }

    static PrivilegeSet of(Collection<Privilege> privileges) {
        if (privileges instanceof PrivilegeSet set) {
            return set;
        }
        Privilege[] all = privileges.toArray(new Privilege[0]);
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (unique == 0 || all[unique - 1].compareTo(all[i]) != 0) {
                all[unique++] = all[i];
            }
        }
        return new PrivilegeSet(unique == all.length ? all : Arrays.copyOf(all, unique));
    }

    @Override
    public boolean contains(Object o) {
        for (Privilege privilege : sorted) {
            if (privilege.equals(o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return sorted.length;
    }

    @Override
    public Iterator<Privilege> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < sorted.length;
            }

            @Override
            public Privilege next() {
                if (next >= sorted.length) {
                    throw new NoSuchElementException();
                }
                return sorted[next++];
            }
        };
    }
}
