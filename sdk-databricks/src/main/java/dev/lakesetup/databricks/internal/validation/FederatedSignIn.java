package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Secret;
import java.util.function.Supplier;

/**
 * How a service principal with a federation policy signs in for validation: its application id as {@code client_id}
 * and a token of its workload's issuer, fetched when validation starts and exchanged for a Databricks access token.
 * {@code toString()} shows no token.
 *
 * @param clientId the service principal's application id
 * @param subjectToken supplies the workload's token (a JWT), a secret
 */
public record FederatedSignIn(ApplicationId clientId, Supplier<Secret> subjectToken) {

    @Override
    public String toString() {
        return "FederatedSignIn[" + clientId + ", token " + Secret.MASK + "]";
    }
}
