package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rotates a service principal's OAuth secret with overlap: issues a new secret, hands it to the caller's
 * {@link SecretVault}, validates by signing in as the principal with the secret the vault holds
 * ({@link PrincipalValidator}), and only then deletes the secrets that existed when it started and were created before
 * now minus a keep window the caller chooses ({@link Builder#keepWindow}, required: there is no default, because how
 * long replicas need the old secret is the caller's to know). It never deletes the new secret, nothing when the new
 * one is not listed as active, no secret created by others while it ran, and no secret whose create time the service
 * did not send: those are kept and the report names them. A failed validation deletes nothing and the report says
 * so. At the service's limit of {@value OAuthSecrets#MAX_SECRETS} secrets, expired ones are deleted
 * first; when all five still work, the rotation refuses before issuing and names them.
 *
 * <p>Each step is recorded in a journal (a {@link RecordStore} document under a key the caller chooses; ids and
 * times only, never a secret), so a run interrupted at any step is finished by running the same rotation again:
 * <ul>
 *   <li>started, nothing recorded as issued: the journal holds the time of each issue attempt; for each attempt,
 *   the first secret not listed before the start and created at or after that time (before the next attempt) is
 *   the orphan of an answer that never arrived and is deleted, at most one per attempt; any other new secret (made
 *   by hand while the journal waited) is kept and reported; then a new secret is issued;</li>
 *   <li>issued but not handed: the new secret may never have reached the vault; it is deleted and another issued;</li>
 *   <li>handed but not validated: validation runs with the credentials the vault returns
 *   ({@link SecretVault#current()}); nothing is issued;</li>
 *   <li>validated but not cleaned: only the cleaning runs.</li>
 * </ul>
 * A finished rotation deletes its journal. Every service call is retried as {@code lakesetup}'s call policy says
 * ({@link Lakesetup#call}); times come from that policy's clock.
 *
 * <pre>{@code
 * RotationReport report = SecretRotation.builder(lakesetup, workspace)
 *     .principal(ServicePrincipal.of(applicationId))
 *     .vault(vault)
 *     .journal(store, "rotations/segment-data-graph")
 *     .lifetime(Duration.ofDays(90))
 *     .keepWindow(Duration.ofDays(1))
 *     .rotateWhenExpiringWithin(Duration.ofDays(14))
 *     .build()
 *     .run();
 * }</pre>
 */
public final class SecretRotation {
    final Lakesetup lakesetup;
    final DatabricksWorkspace workspace;
    final ServicePrincipal principal;
    final SecretVault vault;
    final SecretRotationJournal journal;
    final Duration lifetime;
    final Duration keepWindow;
    final Duration expiringWithin;
    final UnaryOperator<PrincipalValidator.Builder> validator;

    private SecretRotation(Builder builder) {
        this.lakesetup = builder.lakesetup;
        this.workspace = builder.workspace;
        this.principal = builder.principal;
        this.vault = builder.vault;
        this.journal = new SecretRotationJournal(builder.store, builder.key);
        this.lifetime = builder.lifetime;
        this.keepWindow = builder.keepWindow;
        this.expiringWithin = builder.expiringWithin;
        this.validator = builder.validator;
    }

    /**
     * Starts a rotation.
     *
     * @param lakesetup the engine, whose call policy retries each call and whose clock times the rotation
     * @param workspace the workspace, signed in as an admin who may manage the principal's secrets
     * @return a builder
     */
    public static Builder builder(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return new Builder(InvalidInputException.requireNonNull(lakesetup, "lakesetup"),
                InvalidInputException.requireNonNull(workspace, "workspace"));
    }

    /**
     * Runs the rotation, or finishes the one its journal shows interrupted.
     *
     * @return what was done
     * @throws dev.lakesetup.core.exception.LakesetupException when the principal has five working secrets (naming
     *     them), or a step failed for good (running again resumes from the journal)
     */
    public RotationReport run() {
        return new SecretRotationRun(this).run();
    }

    /**
     * Returns the service principal whose secret is rotated.
     *
     * @return the principal
     */
    public ServicePrincipal principal() {
        return principal;
    }

    /**
     * Returns the rotation window, when the rotation runs only for a secret about to lapse.
     *
     * @return the window, or empty when every run rotates
     */
    public Optional<Duration> expiringWithin() {
        return Optional.ofNullable(expiringWithin);
    }

    @Override
    public String toString() {
        return "SecretRotation[" + principal + ", keep " + keepWindow
                + (expiringWithin == null ? "" : ", when expiring within " + expiringWithin) + "]";
    }

    /** Builds a {@link SecretRotation}; principal, vault, journal and keep window are required. */
    public static final class Builder {
        private final Lakesetup lakesetup;
        private final DatabricksWorkspace workspace;
        private ServicePrincipal principal;
        private SecretVault vault;
        private RecordStore store;
        private String key;
        private Duration lifetime;
        private Duration keepWindow;
        private Duration expiringWithin;
        private UnaryOperator<PrincipalValidator.Builder> validator = UnaryOperator.identity();

        private Builder(Lakesetup lakesetup, DatabricksWorkspace workspace) {
            this.lakesetup = lakesetup;
            this.workspace = workspace;
        }

        /**
         * Sets the service principal, by application id.
         *
         * @param value the principal
         * @return this builder
         */
        public Builder principal(ServicePrincipal value) {
            InvalidInputException.requireNonNull(value, "service principal");
            if (value.applicationId().isEmpty()) {
                throw InvalidInputException.of("service principal", value.toString(),
                        "it is known by display name only", "ServicePrincipal.of(applicationId)");
            }
            this.principal = value;
            return this;
        }

        /**
         * Sets where the new secret goes and is read back from.
         *
         * @param value the vault
         * @return this builder
         */
        public Builder vault(SecretVault value) {
            this.vault = InvalidInputException.requireNonNull(value, "secret vault");
            return this;
        }

        /**
         * Sets where the rotation's journal is kept, so an interrupted run can be finished by running again.
         *
         * @param value the store
         * @param journalKey the key, one per principal (letters, digits, {@code . _ - /})
         * @return this builder
         */
        public Builder journal(RecordStore value, String journalKey) {
            this.store = InvalidInputException.requireNonNull(value, "journal store");
            this.key = MemoryRecordStore.requireKey(journalKey);
            return this;
        }

        /**
         * Sets the new secret's lifetime (by default the service's, 730 days).
         *
         * @param value 1 second up to {@link OAuthSecret#MAX_LIFETIME}
         * @return this builder
         */
        public Builder lifetime(Duration value) {
            this.lifetime = OAuthSecret.requireLifetime(value);
            return this;
        }

        /**
         * Sets how long old secrets created recently are kept after the new one works (required, no default):
         * secrets that existed when the rotation started and were created before the cleaning time minus this window
         * are deleted. Choose at least how long your replicas take to pick up the new secret from the vault;
         * {@code Duration.ZERO} deletes every old secret as soon as the new one validates.
         *
         * @param value zero or more, at most {@link OAuthSecret#MAX_LIFETIME}
         * @return this builder
         */
        public Builder keepWindow(Duration value) {
            InvalidInputException.requireNonNull(value, "keep window");
            if (value.isNegative() || value.compareTo(OAuthSecret.MAX_LIFETIME) > 0) {
                throw InvalidInputException.of("keep window", value.toString(), "it is out of range",
                        "zero up to " + OAuthSecret.MAX_LIFETIME.toDays() + " days");
            }
            this.keepWindow = value;
            return this;
        }

        /**
         * Rotates only when the principal has no active secret or its longest-lasting one expires within a window
         * (on the engine's clock); otherwise {@link #run()} reports {@link RotationReport.Outcome#NOT_DUE}. An
         * interrupted rotation is always finished.
         *
         * @param window more than zero, at most {@link OAuthSecret#MAX_LIFETIME}
         * @return this builder
         */
        public Builder rotateWhenExpiringWithin(Duration window) {
            this.expiringWithin = OAuthSecret.requireWindow(window);
            return this;
        }

        /**
         * Adds checks to the validation as the principal: the rotation starts each validator with the workspace's
         * host, warehouse, proxy and call policy and the vault's credentials, then applies this (to add checks, set
         * another warehouse or the transport).
         *
         * @param value adds to the validator's builder and returns it
         * @return this builder
         */
        public Builder validator(UnaryOperator<PrincipalValidator.Builder> value) {
            this.validator = InvalidInputException.requireNonNull(value, "validator");
            return this;
        }

        /**
         * Builds the rotation.
         *
         * @return the rotation
         * @throws InvalidInputException naming the missing principal, vault, journal or keep window
         */
        public SecretRotation build() {
            require(principal != null, "service principal", "principal(ServicePrincipal.of(applicationId))");
            require(vault != null, "secret vault", "vault(vault)");
            require(store != null, "journal", "journal(recordStore, key)");
            require(keepWindow != null, "keep window", "keepWindow(duration): how long old secrets stay after the new "
                    + "one validates, zero up to " + OAuthSecret.MAX_LIFETIME.toDays() + " days (Duration.ZERO deletes "
                    + "them at once)");
            return new SecretRotation(this);
        }

        private static void require(boolean present, String field, String how) {
            if (!present) {
                throw InvalidInputException.of(field, null, "it is required", how);
            }
        }
    }
}
