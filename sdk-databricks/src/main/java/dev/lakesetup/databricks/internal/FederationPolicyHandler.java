package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalFederationPolicyRequest;
import com.databricks.sdk.service.oauth2.DeleteServicePrincipalFederationPolicyRequest;
import com.databricks.sdk.service.oauth2.ListFederationPoliciesResponse;
import com.databricks.sdk.service.oauth2.ListServicePrincipalFederationPoliciesRequest;
import com.databricks.sdk.service.oauth2.OidcFederationPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.FederationPolicy;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, creates and deletes service principal federation policies through the account API
 * ({@code /api/2.0/accounts/{account}/servicePrincipals/{id}/federationPolicies}). Reading lists the principal's
 * policies and answers the one with the declared issuer and subject; creating lists first (a create whose answer was
 * lost is not made twice) and refuses, with a message that says what to do, a principal that already has the
 * service's {@value FederationPolicy#MAX_PER_PRINCIPAL} policies; deleting removes the matching policy, and a policy
 * already gone counts as deleted. Every call needs the account ({@code DatabricksWorkspace.Builder.account}).
 */
public final class FederationPolicyHandler implements ResourceHandler<FederationPolicy> {
    private static final int MAX_PAGES = 10;

    private final SdkClients clients;
    private final Principals principals;

    /**
     * Creates the handler.
     *
     * @param clients the SDK clients, with the account client
     * @param principals the SCIM look-ups
     */
    public FederationPolicyHandler(SdkClients clients, Principals principals) {
        this.clients = clients;
        this.principals = principals;
    }

    @Override
    public Class<FederationPolicy> type() {
        return FederationPolicy.class;
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    @Override
    public Map<ResourceId, FederationPolicy> read(List<FederationPolicy> resources, ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        requireAccount();
        List<Optional<FederationPolicy>> live = context.runAll("read federation policy", resources,
                policy -> readOne(policy, context));
        Map<ResourceId, FederationPolicy> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            FederationPolicy declared = resources.get(i);
            live.get(i).ifPresent(found -> out.put(declared.id(), found));
        }
        return out;
    }

    private Optional<FederationPolicy> readOne(FederationPolicy declared, ExecutionContext context) {
        Optional<ApplicationId> appId = context.applicationIdOf(declared.principal());
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> accountId = accountIdOf(appId.get());
        return accountId.flatMap(id -> find(list(id, appId.get()), declared))
                .map(found -> live(declared, found));
    }

    @Override
    public ChangeResult apply(ResourceChange change, FederationPolicy policy, ExecutionContext context) {
        AccountClient account = requireAccount();
        ApplicationId appId = context.resolved(policy.principal()).applicationId().orElseThrow();
        Optional<Long> accountId = accountIdOf(appId);
        if (change.action() == Action.DELETE) {
            accountId.ifPresent(id -> delete(account, id, appId, policy));
            return ChangeResult.done();
        }
        if (change.action() != Action.CREATE) {
            throw Calls.unsupported(change.action() + " of " + policy + ": the audiences of a federation policy "
                    + "cannot change in place; delete the policy and declare it anew");
        }
        long id = accountId.orElseThrow(() -> ServiceException.builder(ServiceException.Failure.NOT_YET_VISIBLE,
                "service principal " + appId + " is not in the account yet").build());
        List<com.databricks.sdk.service.oauth2.FederationPolicy> existing = list(id, appId);
        if (find(existing, policy).isPresent()) {
            return ChangeResult.done();
        }
        if (existing.size() >= FederationPolicy.MAX_PER_PRINCIPAL) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, "create " + policy + ": service principal "
                    + appId + " already has " + existing.size() + " federation policies, the most the service "
                    + "allows (" + FederationPolicy.MAX_PER_PRINCIPAL + "); delete one it no longer needs").build();
        }
        OidcFederationPolicy oidc = new OidcFederationPolicy().setIssuer(policy.issuer())
                .setSubject(policy.subject());
        if (!policy.audiences().isEmpty()) {
            oidc.setAudiences(policy.audiences());
        }
        CreateServicePrincipalFederationPolicyRequest request = new CreateServicePrincipalFederationPolicyRequest()
                .setServicePrincipalId(id).setPolicy(new com.databricks.sdk.service.oauth2.FederationPolicy()
                        .setOidcPolicy(oidc).setDescription("lakesetup: " + policy.subject()));
        Calls.run("create " + policy, () -> account.servicePrincipalFederationPolicy().create(request));
        return ChangeResult.done();
    }

    private void delete(AccountClient account, long id, ApplicationId appId, FederationPolicy policy) {
        Optional<String> policyId = policy.policyId()
                .or(() -> find(list(id, appId), policy).map(found -> found.getPolicyId()));
        policyId.ifPresent(pid -> Calls.read("delete " + policy, () -> {
            account.servicePrincipalFederationPolicy().delete(new DeleteServicePrincipalFederationPolicyRequest()
                    .setServicePrincipalId(id).setPolicyId(PathNames.segment("federation policy id", pid)));
            return Boolean.TRUE;
        }));
    }

    private AccountClient requireAccount() {
        if (!clients.hasAccount()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, "federation policies are managed "
                    + "through the Databricks account API, and the account is not configured: call "
                    + "DatabricksWorkspace.Builder.account(accountHost, accountId)").build();
        }
        return clients.requireAccount("federation policies");
    }

    private Optional<Long> accountIdOf(ApplicationId appId) {
        Optional<ServicePrincipal> found = principals.findInAccount(
                WorkspaceServicePrincipal.ofApplication(appId, appId.toString()));
        return found.map(sp -> Long.parseLong(PathNames.segment("service principal id", sp.getId())));
    }

    private List<com.databricks.sdk.service.oauth2.FederationPolicy> list(long id, ApplicationId appId) {
        AccountClient account = requireAccount();
        String what = "list federation policies of " + appId;
        List<com.databricks.sdk.service.oauth2.FederationPolicy> all = new ArrayList<>();
        Calls.run(what, () -> GuardedPages.eachByToken(what, MAX_PAGES,
                token -> account.servicePrincipalFederationPolicy().impl().list(
                        new ListServicePrincipalFederationPoliciesRequest().setServicePrincipalId(id)
                                .setPageToken(token)),
                ListFederationPoliciesResponse::getNextPageToken, page -> {
                    Collection<com.databricks.sdk.service.oauth2.FederationPolicy> items = page.getPolicies();
                    if (items != null) {
                        all.addAll(items);
                    }
                    return false;
                }));
        return all;
    }

    private static Optional<com.databricks.sdk.service.oauth2.FederationPolicy> find(
            List<com.databricks.sdk.service.oauth2.FederationPolicy> policies, FederationPolicy declared) {
        return policies.stream().filter(p -> p.getOidcPolicy() != null
                && declared.matches(p.getOidcPolicy().getIssuer(), p.getOidcPolicy().getSubject())).findFirst();
    }

    private static FederationPolicy live(FederationPolicy declared,
            com.databricks.sdk.service.oauth2.FederationPolicy found) {
        FederationPolicy live = FederationPolicy.forPrincipal(declared.principal(), declared.issuer(),
                declared.subject());
        Collection<String> audiences = found.getOidcPolicy().getAudiences();
        if (audiences != null && !audiences.isEmpty()) {
            live = live.audiences(List.copyOf(audiences));
        }
        return found.getPolicyId() == null ? live : live.withPolicyId(found.getPolicyId());
    }
}
