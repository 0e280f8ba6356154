package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a recipe run applies and validates: the {@link ApplyOptions} for its apply, and a customizer of the
 * {@link PrincipalValidator} the run builds (transport, statement timeout). Immutable; derive with the
 * {@code with...} methods.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.defaults()
 *     .withValidator(validator -> validator.transport(ValidationTransport.STATEMENT_API));
 * SetupResult result = setup.run(lakesetup, workspace, options);
 * }</pre>
 *
 * <p>The defaults are safe for production: additive apply (no revokes, no conflicts), validation over JDBC with TLS.
 */
public final class RunOptions {
    private static final RunOptions DEFAULTS = new RunOptions(ApplyOptions.defaults(), UnaryOperator.identity());

    private final ApplyOptions applyOptions;
    private final UnaryOperator<PrincipalValidator.Builder> validator;
    /** Where the run keeps its record; {@code null} when it keeps none. */
    private final RecordStore recordStore;
    private final String recordKey;

    private RunOptions(ApplyOptions applyOptions, UnaryOperator<PrincipalValidator.Builder> validator) {
        this(applyOptions, validator, null, null);
    }

    private RunOptions(ApplyOptions applyOptions, UnaryOperator<PrincipalValidator.Builder> validator,
            RecordStore recordStore, String recordKey) {
        this.applyOptions = applyOptions;
        this.validator = validator;
        this.recordStore = recordStore;
        this.recordKey = recordKey;
    }

    /**
     * Returns the defaults: {@link ApplyOptions#defaults()} and the validator as the run configures it.
     *
     * @return the defaults
     */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with other apply options.
     *
     * @param options the apply options
     * @return the copy
     */
    public RunOptions withApplyOptions(ApplyOptions options) {
        return new RunOptions(InvalidInputException.requireNonNull(options, "apply options"), validator,
                recordStore, recordKey);
    }

    /**
     * Returns a copy that passes the validator's builder through {@code customizer} after the run has set host,
     * warehouse, credentials and checks; for example to choose the transport, or
     * {@link PrincipalValidator.Builder#plainHttpForTesting()} against a local fake workspace.
     *
     * @param customizer changes the builder and returns it
     * @return the copy
     */
    public RunOptions withValidator(UnaryOperator<PrincipalValidator.Builder> customizer) {
        return new RunOptions(applyOptions, InvalidInputException.requireNonNull(customizer, "validator customizer"),
                recordStore, recordKey);
    }

    /**
     * Returns the apply options.
     *
     * @return the apply options
     */
    public ApplyOptions applyOptions() {
        return applyOptions;
    }

    /**
     * Applies the validator customizer.
     *
     * @param builder the validator's builder as the run configured it
     * @return the customized builder
     */
    public PrincipalValidator.Builder customizeValidator(PrincipalValidator.Builder builder) {
        return InvalidInputException.requireNonNull(validator.apply(builder), "customized validator builder");
    }

    /**
     * Returns a copy whose run keeps the record of what it gives ({@link RunRecord}) in a store: before the apply
     * (so a crash or a lost answer cannot lose it), merged into the record already under the key
     * ({@link RunRecords#save}); a store that fails fails the run before any change. A later
     * {@code teardown} with that record removes exactly what the setup's runs gave. The record holds no secret.
     *
     * @param store the store, e.g. a {@link dev.lakesetup.core.record.FileRecordStore}
     * @param key the key, e.g. {@code customers/acme}
     * @return the copy
     */
    public RunOptions record(RecordStore store, String key) {
        return new RunOptions(applyOptions, validator, InvalidInputException.requireNonNull(store, "record store"),
                MemoryRecordStore.requireKey(key));
    }

    /**
     * Returns the store the run keeps its record in.
     *
     * @return the store, or empty when the run keeps no record
     */
    public Optional<RecordStore> recordStore() {
        return Optional.ofNullable(recordStore);
    }

    /**
     * Returns the key the run keeps its record under.
     *
     * @return the key, or empty when the run keeps no record
     */
    public Optional<String> recordKey() {
        return Optional.ofNullable(recordKey);
    }

    @Override
    public String toString() {
        return "RunOptions[" + applyOptions + (validator == DEFAULTS.validator ? "" : ", validator customized")
                + (recordStore == null ? "" : ", record " + recordKey + " in " + recordStore) + "]";
    }
}
