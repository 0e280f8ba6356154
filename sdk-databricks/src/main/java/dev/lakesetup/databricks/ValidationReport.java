package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.render.ReportFormat;
import java.util.List;

/**
 * What {@link PrincipalValidator} found when it acted as the service principal, or what {@link AdminChecks} found
 * when it read as an admin what the principal holds: one {@link ValidationCheck} per statement or permission check,
 * in the order they ran. It holds the principal's application id, never its secret.
 *
 * <pre>{@code
 * ValidationReport report = validator.validate();
 * if (!report.passed()) {
 *     log.warn("setup incomplete:\n{}", report.render());
 * }
 * }</pre>
 *
 * @param principal the application id the checks ran as, or (over {@link ValidationTransport#ADMIN_API}) about
 * @param transport how the checks reached the workspace
 * @param checks the checks, in the order they ran
 */
public record ValidationReport(ApplicationId principal, ValidationTransport transport, List<ValidationCheck> checks) {

    /**
     * Checks the components and copies the list.
     *
     * @param principal the application id the checks ran as, or (over {@link ValidationTransport#ADMIN_API}) about
     * @param transport how the checks reached the workspace
     * @param checks the checks, in the order they ran
     */
    public ValidationReport {
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(transport, "transport");
        checks = List.copyOf(InvalidInputException.requireNonNull(checks, "checks"));
    }

    /**
     * Tells whether every check passed (none failed, none skipped).
     *
     * @return {@code true} when the principal can do everything that was checked
     */
    public boolean passed() {
        return checks.stream().allMatch(ValidationCheck::isPassed);
    }

    /**
     * Returns the checks that did not pass: failed ones and those skipped because of them.
     *
     * @return the checks that did not pass, in order
     */
    public List<ValidationCheck> failures() {
        return checks.stream().filter(check -> !check.isPassed()).toList();
    }

    /**
     * Finds a check by its name.
     *
     * @param name the check's name, e.g. {@code SHOW SCHEMAS IN sales}
     * @return the check
     * @throws InvalidInputException if no check has that name
     */
    public ValidationCheck check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("check name", name, "no check has that name",
                        checks.stream().map(ValidationCheck::name).toList().toString()));
    }

    /**
     * Renders the report for people: a headline, then one line per check.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String render() {
        long passedCount = checks.stream().filter(ValidationCheck::isPassed).count();
        StringBuilder out = new StringBuilder()
                .append(transport == ValidationTransport.ADMIN_API ? "Validation of " : "Validation as ")
                .append(principal).append(" over ").append(transport).append(": ")
                .append(passed() ? "PASSED" : "FAILED")
                .append(" (").append(passedCount).append(" of ").append(checks.size()).append(" checks passed)");
        for (ValidationCheck check : checks) {
            out.append('\n').append("  ").append(check.render());
        }
        return out.toString();
    }

    /**
     * Renders the report for people ({@link ReportFormat#TEXT}, as {@link #render()}) or for machines
     * ({@link ReportFormat#JSON}, the {@code lakesetup.validation-report/v1} document of {@code docs/report-json.md},
     * with the service's messages JSON-escaped).
     *
     * @param format the format
     * @return the rendering; it never holds a secret
     */
    public String render(ReportFormat format) {
        return switch (InvalidInputException.requireNonNull(format, "report format")) {
            case TEXT -> render();
            case JSON -> ValidationJson.render(this);
        };
    }

    @Override
    public String toString() {
        return render();
    }
}
