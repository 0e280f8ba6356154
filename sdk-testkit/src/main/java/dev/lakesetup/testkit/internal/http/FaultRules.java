package dev.lakesetup.testkit.internal.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** The ordered fault rules of one fake server; thread-safe. */
public final class FaultRules {

    /** One installed rule. */
    public final class Rule {
        private final String method;
        private final Pattern path;
        private final int limit;
        private final InjectedFault response;
        private final AtomicInteger hits = new AtomicInteger();

        private Rule(String method, Pattern path, int limit, InjectedFault response) {
            this.method = method;
            this.path = path;
            this.limit = limit;
            this.response = response;
        }

        private boolean tryFire(String requestMethod, String requestPath) {
            if (!("*".equals(method) || method.equalsIgnoreCase(requestMethod))
                    || !path.matcher(requestPath).matches()) {
                return false;
            }
            while (true) {
                int current = hits.get();
                if (limit >= 0 && current >= limit) {
                    return false;
                }
                if (hits.compareAndSet(current, current + 1)) {
                    return true;
                }
            }
        }

        /** Returns how many requests this rule has answered so far. */
        public int hits() {
            return hits.get();
        }

        /** Removes the rule; later requests are served normally. */
        public void remove() {
            rules.remove(this);
        }

        @Override
        public String toString() {
            return "FaultRule[" + method + " " + path + (limit < 0 ? "" : " x" + limit) + " -> " + response + "]";
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** Adds a rule; {@code times < 0} means no limit. */
    public Rule add(String method, String pathRegex, int times, InjectedFault response) {
        Rule rule = new Rule(method, Pattern.compile(pathRegex), times, response);
        rules.add(rule);
        return rule;
    }

    /** Returns the response of the first rule that matches and has uses left (counting the use), or null. */
    public InjectedFault fire(String method, String path) {
        for (Rule r : rules) {
            if (r.tryFire(method, path)) {
                return r.response;
            }
        }
        return null;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }
}
