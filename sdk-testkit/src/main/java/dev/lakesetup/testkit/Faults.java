package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.http.FaultRules;
import java.util.Objects;

/**
 * Injects faults into a fake, scoped by HTTP method and a regular expression on the request path.
 *
 * <pre>{@code
 * ws.faults().on("PATCH", "/api/2.1/unity-catalog/permissions/.*").times(2)
 *     .respond(FaultResponse.status(429).retryAfter("7").errorCode("REQUEST_LIMIT_EXCEEDED"));
 * }</pre>
 * Rules are checked in the order they were added; the first that matches and still has uses left applies.
 */
public class Faults {

    private final FaultRules rules;

    /**
     * Wraps the rule engine of one fake server.
     *
     * @param rules the fault rules to add to
     */
    protected Faults(FaultRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Starts a rule for requests with this method ({@code "*"} for any) and a path matching {@code pathRegex}.
     *
     * @param method the HTTP method
     * @param pathRegex a regular expression the request path must match
     * @return this builder
     */
    public RuleBuilder on(String method, String pathRegex) {
        return new RuleBuilder(method, pathRegex, -1);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Builds one fault rule. */
    public final class RuleBuilder {
        private final String method;
        private final String pathRegex;
        private final int times;

        private RuleBuilder(String method, String pathRegex, int times) {
            this.method = Objects.requireNonNull(method, "method");
            this.pathRegex = Objects.requireNonNull(pathRegex, "pathRegex");
            this.times = times;
        }

        /**
         * Limits the rule to the next {@code n} matching requests.
         *
         * @param n how many matching requests it fires for
         * @return this builder
         */
        public RuleBuilder times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, was " + n);
            }
            return new RuleBuilder(method, pathRegex, n);
        }

        /**
         * Applies the rule to every matching request until {@link Faults#clear()} (the default).
         *
         * @return this builder
         */
        public RuleBuilder always() {
            return new RuleBuilder(method, pathRegex, -1);
        }

        /**
         * Installs the rule and returns a handle that tells how often it fired.
         *
         * @param response the response
         * @return a handle that tells how often it fired
         */
        public FaultRule respond(FaultResponse response) {
            FaultRules.Rule rule = rules.add(method, pathRegex, times,
                    Objects.requireNonNull(response, "response").toFault());
            return new FaultRule() {
                @Override
                public int hits() {
                    return rule.hits();
                }

                @Override
                public void remove() {
                    rule.remove();
                }

                @Override
                public String toString() {
                    return rule.toString();
                }
            };
        }
    }
}
