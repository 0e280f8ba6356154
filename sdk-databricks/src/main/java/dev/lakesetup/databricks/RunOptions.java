package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
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

    private RunOptions(ApplyOptions applyOptions, UnaryOperator<PrincipalValidator.Builder> validator) {
        this.applyOptions = applyOptions;
        this.validator = validator;
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
        return new RunOptions(InvalidInputException.requireNonNull(options, "apply options"), validator);
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
        return new RunOptions(applyOptions, InvalidInputException.requireNonNull(customizer, "validator customizer"));
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

    @Override
    public String toString() {
        return "RunOptions[" + applyOptions + (validator == DEFAULTS.validator ? "" : ", validator customized") + "]";
    }
}
