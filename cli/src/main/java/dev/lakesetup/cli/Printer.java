package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.render.ReportFormat;
import dev.lakesetup.databricks.ConnectionDetails;
import dev.lakesetup.databricks.ValidationReport;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Prints results on standard output: as text for people (the plan, the report, the validation, the connection
 * details, the confirming plan) or, with {@code --json}, one JSON document of a documented schema (the plan JSON
 * for {@code plan}, the apply report JSON for {@code apply}). An OAuth secret is never printed: it went to the
 * place the setup file's secret reference names.
 */
final class Printer {
    private final PrintStream out;
    private final boolean json;

    Printer(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** Prints a plan: text, or the plan JSON ({@code lakesetup.plan}, format version 2). */
    void plan(Plan plan) {
        print(json ? PlanFormat.JSON.render(plan) : PlanFormat.TEXT.render(plan));
    }

    /** Prints the plan that is about to be applied, in text only (JSON prints the report alone). */
    void applying(Plan plan) {
        if (!json) {
            out.println("== Plan");
            out.print(PlanFormat.TEXT.render(plan));
            out.println();
        }
    }

    /** Prints an apply report: text, or the report JSON ({@code lakesetup.apply-report/v1}). */
    void report(ApplyReport report) {
        if (json) {
            print(ReportFormat.JSON.render(report));
        } else {
            out.println("== Apply");
            out.print(ReportFormat.TEXT.render(report));
            out.println();
        }
        out.flush();
    }

    /** Prints a recipe's validation as the principal, in text only. */
    void validation(Optional<ValidationReport> validation) {
        if (!json) {
            validation.ifPresent(report -> {
                out.println("== Validation");
                out.println(report.render());
                out.println();
            });
        }
    }

    /** Prints the connection details a recipe hands over, the secret masked, in text only. */
    void connectionDetails(Optional<ConnectionDetails> connection) {
        if (json || connection.isEmpty()) {
            return;
        }
        ConnectionDetails details = connection.get();
        out.println("== Connection details to hand over");
        out.println("  hostname      " + details.hostname());
        out.println("  port          " + details.port());
        out.println("  HTTP path     " + (details.httpPath().isBlank() ? "(none)" : details.httpPath()));
        out.println("  catalog       " + details.catalog());
        out.println("  client id     " + details.oauthClientId().map(Object::toString).orElse("(unknown)"));
        out.println("  OAuth secret  " + details.oauthSecret()
                .map(secret -> Secret.MASK + " (handed to the secret reference of the setup file)")
                .orElse("(none issued in this run)"));
        out.println();
    }

    /** Prints a document, ending it with a line break when it has none. */
    void print(String document) {
        out.print(document.endsWith("\n") ? document : document + "\n");
        out.flush();
    }

    /** Prints the plan made after applying, in text only: empty when the workspace matches the file. */
    void replan(Optional<Plan> replan) {
        if (json) {
            return;
        }
        out.println("== Plan again");
        out.print(replan.map(PlanFormat.TEXT::render).orElse("Not planned again: the apply did not succeed.\n"));
        out.flush();
    }
}
