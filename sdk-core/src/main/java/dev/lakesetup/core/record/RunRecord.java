package dev.lakesetup.core.record;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a setup run gave, kept so that a later teardown removes exactly that: the resources it created, the resources
 * it found and adopted, the privileges it granted new, and the declared privileges principals held before lakesetup
 * granted anything; when it was made and by which lakesetup version.
 *
 * <p>A record is data the caller keeps: {@link #toJson()} writes it (versioned, no secret in it: ids, principal
 * names and privilege names only), {@link #parse(String)} reads it back, and {@link RunRecords} keeps it in a
 * {@link RecordStore}. Records of several runs {@link #merge(RunRecord) merge}; the first run that saw a privilege
 * decides whether it was granted new or held before, so a privilege lakesetup first granted stays "granted new" even
 * when a later run found it present. Immutable.
 * <pre>{@code
 * RunRecords.save(store, "customers/acme", RunRecord.planned(plan, Instant.now()));   // before applying
 * ApplyReport report = lakesetup.apply(plan);
 * }</pre>
 */
public final class RunRecord {
    private final String lakesetupVersion;
    private final Instant recordedAt;
    private final Set<ResourceId> created;
    private final Set<ResourceId> adopted;
    private final GrantLedger grantedNew;
    private final GrantLedger heldBefore;

    RunRecord(String lakesetupVersion, Instant recordedAt, Set<ResourceId> created, Set<ResourceId> adopted,
            GrantLedger grantedNew, GrantLedger heldBefore) {
        this.lakesetupVersion = InvalidInputException.requireNonNull(lakesetupVersion, "lakesetup version");
        this.recordedAt = InvalidInputException.requireNonNull(recordedAt, "recorded at");
        this.created = Collections.unmodifiableSet(new TreeSet<>(created));
        Set<ResourceId> found = new TreeSet<>(adopted);
        found.removeAll(this.created);
        this.adopted = Collections.unmodifiableSet(found);
        this.grantedNew = grantedNew;
        this.heldBefore = heldBefore;
    }

    /**
     * Derives the record of a run from its plan and its apply report. Every actionable create and grant of the plan
     * counts, whatever its outcome: the plan's basis showed the object or privilege absent, so whatever is present
     * later was given by lakesetup (a create whose answer was lost, or a run that crashed, still gave it), and a
     * teardown removes only what is present. The report is checked to belong to the plan; see
     * {@link #planned(Plan, Instant)}.
     *
     * @param plan the plan that was applied
     * @param report the report of applying it
     * @return the record, made now
     */
    public static RunRecord of(Plan plan, ApplyReport report) {
        return of(plan, report, Instant.now());
    }

    /**
     * Derives the record of a run as {@link #of(Plan, ApplyReport)} does, stamped with the given time.
     *
     * @param plan the plan that was applied
     * @param report the report of applying it
     * @param recordedAt when the run ended
     * @return the record
     */
    public static RunRecord of(Plan plan, ApplyReport report, Instant recordedAt) {
        InvalidInputException.requireNonNull(report, "apply report");
        return planned(plan, recordedAt);
    }

    /**
     * Derives the record of a run from its plan alone, to be saved before the plan is applied, so that a crash or a
     * lost answer during the apply cannot make a later run take what this one gave for something found: a create
     * (of a resource the plan found absent) is "created"; a resource that existed (a no-op, an update, a conflict)
     * is "adopted"; the privileges of a grant change are "granted new", and the privileges principals held on its
     * securable when the plan was made (and the declared privileges of a no-op grant change) are "held before".
     *
     * @param plan the plan about to be applied
     * @param recordedAt when the record is made
     * @return the record
     */
    public static RunRecord planned(Plan plan, Instant recordedAt) {
        InvalidInputException.requireNonNull(plan, "plan");
        InvalidInputException.requireNonNull(recordedAt, "recorded at");
        Set<ResourceId> created = new TreeSet<>();
        Set<ResourceId> adopted = new TreeSet<>();
        GrantLedger grantedNew = new GrantLedger();
        GrantLedger heldBefore = new GrantLedger();
        for (Change change : plan.changes()) {
            if (change instanceof ResourceChange resourceChange) {
                recordResource(resourceChange, created, adopted);
            } else if (change instanceof GrantChange grants) {
                recordGrants(grants, plan.basis(), grantedNew, heldBefore);
            }
        }
        return new RunRecord(currentVersion(), recordedAt, created, adopted, grantedNew, heldBefore);
    }

    private static void recordResource(ResourceChange change, Set<ResourceId> created, Set<ResourceId> adopted) {
        ResourceId id = change.resource().id();
        switch (change.action()) {
            case CREATE -> created.add(id);
            case UPDATE, NO_OP, CONFLICT -> adopted.add(id);
            case GRANT, REVOKE, DELETE -> { }
        }
    }

    private static void recordGrants(GrantChange change, Optional<PlanBasis> basis, GrantLedger grantedNew,
            GrantLedger heldBefore) {
        Securable securable = change.securable();
        if (change.action() == Action.NO_OP) {
            change.privileges().forEach(entry -> heldBefore.add(recorded(securable, entry)));
        } else if (change.action() == Action.GRANT) {
            change.privileges().forEach(entry -> grantedNew.add(recorded(securable, entry)));
            // what every principal held on the securable when planned: the declared privileges held among them
            basis.map(b -> b.grantsOn(securable)).orElse(List.of())
                    .forEach(held -> heldBefore.add(recorded(securable, held)));
        }
    }

    private static RecordedGrant recorded(Securable securable, PrincipalPrivileges entry) {
        return new RecordedGrant(securable, entry.principal(), entry.privileges());
    }

    /**
     * Reads a record written by {@link #toJson()}.
     *
     * @param json the record's JSON text
     * @return the record
     * @throws InvalidInputException naming the field when the text is not a run record of a version this release
     *     reads
     */
    public static RunRecord parse(String json) {
        return RunRecordJson.read(InvalidInputException.requireNonNull(json, "run record"));
    }

    /**
     * Writes the record as JSON (format {@code lakesetup-run-record}, version 1): ids, principal names and privilege
     * names, never a secret.
     *
     * @return the JSON text
     */
    public String toJson() {
        return RunRecordJson.write(this);
    }

    /**
     * Merges the record of a later run into this one: resources created by either run are created (a resource this
     * run adopted stays adopted), and for each privilege the first run that saw it decides whether it was granted
     * new or held before. The merged record carries the later run's time and version.
     *
     * @param later the record of a later run
     * @return the merged record
     */
    public RunRecord merge(RunRecord later) {
        InvalidInputException.requireNonNull(later, "later run record");
        Set<ResourceId> mergedCreated = new TreeSet<>(created);
        later.created.stream().filter(id -> !adopted.contains(id)).forEach(mergedCreated::add);
        Set<ResourceId> mergedAdopted = new TreeSet<>(adopted);
        mergedAdopted.addAll(later.adopted);
        GrantLedger mergedNew = new GrantLedger(grantedNew.all());
        GrantLedger mergedBefore = new GrantLedger(heldBefore.all());
        later.grantedNew.all().forEach(grant -> mergedNew.add(unseen(grant)));
        later.heldBefore.all().forEach(grant -> mergedBefore.add(unseen(grant)));
        return new RunRecord(later.lakesetupVersion, later.recordedAt, mergedCreated, mergedAdopted, mergedNew,
                mergedBefore);
    }

    /** Keeps of a later run's grant the privileges this record does not classify yet. */
    private RecordedGrant unseen(RecordedGrant grant) {
        List<Privilege> left = new ArrayList<>();
        for (Privilege privilege : grant.privileges()) {
            if (!grantedNew.contains(grant.securable(), grant.principal(), privilege)
                    && !heldBefore.contains(grant.securable(), grant.principal(), privilege)) {
                left.add(privilege);
            }
        }
        return new RecordedGrant(grant.securable(), grant.principal(), Set.copyOf(left));
    }

    /**
     * Returns the privileges lakesetup granted new to a principal on a securable.
     *
     * @param securable the securable
     * @param principal the principal, as grants name it (a service principal by application id)
     * @return the privileges, possibly empty
     */
    public Set<Privilege> grantedNew(Securable securable, Principal principal) {
        return grantedNew.of(securable, principal);
    }

    /**
     * Returns the privileges a principal held on a securable before lakesetup granted it anything there.
     *
     * @param securable the securable
     * @param principal the principal, as grants name it
     * @return the privileges, possibly empty
     */
    public Set<Privilege> heldBefore(Securable securable, Principal principal) {
        return heldBefore.of(securable, principal);
    }

    /**
     * Returns every privilege granted new, per securable and principal.
     *
     * @return the grants
     */
    public List<RecordedGrant> grantedNew() {
        return grantedNew.all();
    }

    /**
     * Returns every privilege held before lakesetup granted, per securable and principal.
     *
     * @return the grants
     */
    public List<RecordedGrant> heldBefore() {
        return heldBefore.all();
    }

    /**
     * Returns the ids of the resources the runs created.
     *
     * @return the ids, sorted
     */
    public Set<ResourceId> created() {
        return created;
    }

    /**
     * Returns the ids of the resources that existed before a run and were adopted.
     *
     * @return the ids, sorted
     */
    public Set<ResourceId> adopted() {
        return adopted;
    }

    /**
     * Returns when the (last) run was recorded.
     *
     * @return the time
     */
    public Instant recordedAt() {
        return recordedAt;
    }

    /**
     * Returns the lakesetup version that made the (last) run.
     *
     * @return the version, {@code development} when run from a build without one
     */
    public String lakesetupVersion() {
        return lakesetupVersion;
    }

    static String currentVersion() {
        String version = RunRecord.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunRecord that && toJson().equals(that.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, adopted, recordedAt);
    }

    @Override
    public String toString() {
        return "RunRecord[created=" + created.size() + ", adopted=" + adopted.size() + ", grantedNew="
                + grantedNew.all().size() + ", heldBefore=" + heldBefore.all().size() + ", at=" + recordedAt + "]";
    }
}
