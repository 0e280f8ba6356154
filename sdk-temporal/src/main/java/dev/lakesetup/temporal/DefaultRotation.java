package dev.lakesetup.temporal;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.databricks.RotationReport;
import dev.lakesetup.databricks.SecretRotation;
import dev.lakesetup.databricks.SecretVault;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default rotation of {@link FleetLifecycle#rotateExpiring}: one {@link SecretRotation} per declared OAuth
 * secret, with the workers' keep window and its journal in the shared record store under a key per workspace and
 * principal, so a retried or resumed activity finishes the same rotation.
 */
final class DefaultRotation {
    private DefaultRotation() {
    }

    static RotationSummary run(LifecycleSession session, Duration window) {
        Duration keep = session.keepWindow().orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "no keep window for secret rotation on this worker: set LakesetupWorkers.Builder.rotation(keepWindow, "
                        + "validator) (how long old secrets stay after the new one validates)", "NoKeepWindow"));
        List<OAuthSecret> secrets = new ArrayList<>();
        for (Resource resource : session.blueprint().resources()) {
            if (resource instanceof OAuthSecret secret) {
                secrets.add(secret);
            }
        }
        Map<ServicePrincipal, ApplicationId> resolved = secrets.isEmpty() ? Map.of()
                : session.lakesetup().plan(session.blueprint()).resolvedPrincipals();
        List<String> rotated = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (OAuthSecret secret : secrets) {
            ApplicationId appId = applicationId(session, secret.principal(), resolved);
            RotationReport report = SecretRotation.builder(session.lakesetup(), session.workspace())
                    .principal(ServicePrincipal.of(appId)).vault(vault(session, secret))
                    .journal(session.records(), RecordKeys.rotationJournal(session.target(), appId))
                    .keepWindow(keep).rotateWhenExpiringWithin(window).validator(session.validator()).build().run();
            switch (report.outcome()) {
                case ROTATED -> rotated.add(appId.toString());
                case NOT_DUE -> kept.add(appId.toString());
                default -> throw ApplicationFailure.newNonRetryableFailure("the rotation of " + appId + " on "
                        + session.target().workspaceRef() + " ended " + report.outcome() + ": the new secret is in "
                        + "sink " + session.target().sinkRef() + ", no old secret was deleted; fix the cause and run "
                        + "the maintenance again (it resumes from the journal)", "RotationNotValidated");
            }
        }
        return new RotationSummary(session.target().workspaceRef(), rotated, kept);
    }

    private static ApplicationId applicationId(LifecycleSession session, ServicePrincipal principal,
            Map<ServicePrincipal, ApplicationId> resolved) {
        if (principal.applicationId().isPresent()) {
            return principal.applicationId().get();
        }
        ApplicationId appId = resolved.get(principal);
        if (appId == null) {
            throw ApplicationFailure.newNonRetryableFailure("service principal " + principal + " of blueprint "
                    + session.target().blueprint() + " does not exist in " + session.target().workspaceRef()
                    + ": onboard the workspace before rotating its secrets", "PrincipalNotFound");
        }
        return appId;
    }

    /**
     * The vault of a secret: its sink when that is a {@link SecretVault}, else the sink the resolver gives for the
     * target's sink reference when that is one; a rotation must read back what the vault holds to validate it.
     */
    private static SecretVault vault(LifecycleSession session, OAuthSecret secret) {
        if (secret.sink() instanceof SecretVault vault) {
            return vault;
        }
        SecretSink resolved = session.sink();
        if (resolved instanceof SecretVault vault) {
            return vault;
        }
        throw ApplicationFailure.newNonRetryableFailure("sink " + session.target().sinkRef() + " is not a "
                + "SecretVault: a rotation reads the new secret back to validate it; make CredentialResolver.sink "
                + "return a SecretVault for this reference", "SinkNotVault");
    }
}
