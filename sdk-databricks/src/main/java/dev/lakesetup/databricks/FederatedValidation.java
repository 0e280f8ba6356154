package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SecretSink;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipes' rules for a federated credential: it excludes a secret's settings, and without a token source
 * validation as the principal is reported skipped.
 */
final class FederatedValidation {
    private static final Logger LOG = LoggerFactory.getLogger(FederatedValidation.class);

    private FederatedValidation() {
    }

    /** Validation skipped: no source of a workload token was given. */
    static ValidationReport skipped(ApplicationId clientId) {
        LOG.info("validation as {} skipped: the federated credential has no validation token source", clientId);
        return new ValidationReport(clientId, ValidationTransport.JDBC, List.of(ValidationCheck.skipped(
                "connect as " + clientId, "the principal signs in by token exchange and the federated credential "
                        + "has no source of a workload token; give one with "
                        + "FederatedCredential.validationToken(source) to validate as the principal")));
    }

    /** A federated principal gets no secret: refuses the settings of one (nothing without a federated credential). */
    static void refuseSecrets(FederatedCredential federated, SecretSink sink, Duration lifetime,
            OAuthCredentials validation, Duration rotateWithin) {
        if (federated == null) {
            return;
        }
        String how = "federatedCredential(..) alone: the principal signs in with its workload's tokens";
        if (sink != null) {
            throw InvalidInputException.of("secret sink", "given", "the recipe issues no secret with a federated "
                    + "credential", how);
        }
        if (lifetime != null) {
            throw InvalidInputException.of("secret lifetime", lifetime.toString(), "the recipe issues no "
                    + "secret with a federated credential", how);
        }
        if (rotateWithin != null) {
            throw InvalidInputException.of("secret rotation window", rotateWithin.toString(), "the recipe issues no "
                    + "secret with a federated credential", how);
        }
        if (validation != null) {
            throw InvalidInputException.of("validation credentials", validation.clientId().toString(),
                    "validation signs in by token exchange with a federated credential",
                    "FederatedCredential.validationToken(source)");
        }
    }
}
