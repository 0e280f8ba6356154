package dev.lakesetup.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the benchmarks and prints a Markdown table, the goals and one summary line per workload.
 *
 * <p>Arguments: {@code --mode quick|full} (default quick) and {@code --only W1,W1-rate,W3,W4} to pick workloads
 * ({@code W1} also runs W2, which re-applies W1's blueprint).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /**
     * Runs the chosen workloads.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Mode mode = Mode.QUICK;
        Set<String> only = Set.of("W1", "W1-RATE", "W3", "W4");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = Mode.named(value(args, ++i));
                case "--only" -> only = Arrays.stream(value(args, ++i).split(","))
                        .map(s -> s.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; use --mode quick|full and --only W1,W1-rate,W3,W4");
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "lakesetup benchmarks, %s mode: %s %s, %d cores, Java %s, max heap %d MB%n%n",
                mode.name(), System.getProperty("os.name"), System.getProperty("os.arch"),
                runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20);
        List<WorkloadResult> results = new ArrayList<>();
        ApiWorkloads api = new ApiWorkloads(mode);
        if (only.contains("W1")) {
            results.addAll(api.largeTenant());
        }
        if (only.contains("W1-RATE")) {
            results.add(api.atDefaultRate());
        }
        if (only.contains("W3")) {
            results.add(new PlannerGrowth(mode).run());
        }
        List<String> notes = new ArrayList<>();
        if (only.contains("W4")) {
            // the Temporal path is the second FleetPath, measured in the same run and compared with the first
            try (TemporalFleet temporal = new TemporalFleet()) {
                FleetWorkload fleet = new FleetWorkload(mode, List.of(new InProcessFleet(), temporal));
                results.addAll(fleet.run());
                notes.addAll(fleet.notes());
            }
        }
        System.out.print(ReportTable.render(results));
        notes.addAll(0, api.notes());
        if (!notes.isEmpty()) {
            System.out.println();
            System.out.println("Requests per endpoint:");
            notes.forEach(note -> System.out.println("  " + note));
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
