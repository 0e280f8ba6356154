package dev.lakesetup.setup;

import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.FederatedCredential;
import java.util.List;

/**
 * Maps a recipe's {@code federatedCredential:} (issuer, subject, audiences, and a secret reference to a workload
 * token for validation) to a {@link FederatedCredential}: the recipe then declares a federation policy instead of
 * issuing a secret.
 */
final class FederationMapper {
    private FederationMapper() {
    }

    static FederatedCredential credential(Field section) {
        FederatedCredential credential = section.convert(() -> FederatedCredential.of(section.text("issuer"),
                section.text("subject")), "an https issuer URL and the workload's subject");
        List<String> audiences = section.texts("audiences");
        if (!audiences.isEmpty()) {
            FederatedCredential base = credential;
            credential = section.get("audiences").convert(() -> base.audiences(audiences.toArray(String[]::new)),
                    "one or more non-blank audiences");
        }
        if (section.has("validationToken")) {
            Secret token = section.get("validationToken").secret();
            credential = credential.validationToken(() -> token);
        }
        return credential;
    }
}
