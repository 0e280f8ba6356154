package dev.lakesetup.core.drift;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a verify found: one {@link DriftItem} per declared object, grant, secret and check, in plan order, and when
 * it was checked. Clean when no item is drift ({@link DriftStatus#isDrift()}); skipped items are listed with their
 * reason but do not make a report unclean. Immutable; rendered by {@link dev.lakesetup.core.render.DriftFormat}.
 *
 * <pre>{@code
 * DriftReport report = lakesetup.verify(blueprint);
 * if (!report.isClean()) {
 *     alert(DriftFormat.TEXT.render(report));
 * }
 * }</pre>
 *
 * @param items every item, in plan order (then the validation's checks)
 * @param checkedAt when the live state was read, on the engine's clock
 */
public record DriftReport(List<DriftItem> items, Instant checkedAt) {

    /**
     * Checks and copies the components.
     *
     * @param items every item, in plan order (then the validation's checks)
     * @param checkedAt when the live state was read, on the engine's clock
     */
    public DriftReport {
        items = List.copyOf(InvalidInputException.requireNonNull(items, "drift items"));
        InvalidInputException.requireNonNull(checkedAt, "checked at");
    }

    /**
     * Tells whether the live state is as declared: no item is drift (skipped items aside).
     *
     * @return {@code true} when clean
     */
    public boolean isClean() {
        return items.stream().noneMatch(item -> item.status().isDrift());
    }

    /**
     * Tells whether every check was made: no item was skipped.
     *
     * @return {@code true} when nothing was skipped
     */
    public boolean isComplete() {
        return count(DriftStatus.SKIPPED) == 0;
    }

    /**
     * Returns the items of one status.
     *
     * @param status the status
     * @return those items, in report order
     */
    public List<DriftItem> itemsWith(DriftStatus status) {
        InvalidInputException.requireNonNull(status, "drift status");
        return items.stream().filter(item -> item.status() == status).toList();
    }

    /**
     * Returns the items that are drift, in report order.
     *
     * @return the drift items
     */
    public List<DriftItem> drift() {
        return items.stream().filter(item -> item.status().isDrift()).toList();
    }

    /**
     * Returns how many items have a status.
     *
     * @param status the status
     * @return the count
     */
    public int count(DriftStatus status) {
        return (int) items.stream().filter(item -> item.status() == status).count();
    }

    /**
     * Returns the count of each status that occurs, in the order of {@link DriftStatus}.
     *
     * @return the counts
     */
    public Map<DriftStatus, Integer> counts() {
        Map<DriftStatus, Integer> counts = new EnumMap<>(DriftStatus.class);
        items.forEach(item -> counts.merge(item.status(), 1, Integer::sum));
        return counts;
    }

    /**
     * Returns a copy with more items at the end, such as the checks of a validation as the principal.
     *
     * @param more the items to add
     * @return the copy
     */
    public DriftReport plus(List<DriftItem> more) {
        InvalidInputException.requireNonNull(more, "drift items");
        List<DriftItem> all = new ArrayList<>(items);
        all.addAll(more);
        return new DriftReport(all, checkedAt);
    }

    /**
     * Returns the one-line summary, e.g. {@code drift: 1 missing, 1 changed, 6 ok} or {@code clean: 8 ok}.
     *
     * @return the summary
     */
    public String summary() {
        StringJoiner counts = new StringJoiner(", ");
        counts.setEmptyValue("nothing checked");
        counts().forEach((status, count) -> counts.add(count + " " + status.name().toLowerCase(Locale.ROOT)));
        return (isClean() ? "clean: " : "drift: ") + counts;
    }

    @Override
    public String toString() {
        return "DriftReport[" + summary() + ", checked at " + checkedAt + "]";
    }
}
