package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import dev.lstudio.client.Failure;
import dev.lstudio.client.OwnedStudio;
import dev.lstudio.client.Studio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exit summary of a run: one line per studio it started (or moved) on stderr, saying where
 * it ran, for how long, about what that cost and what it is now (one status read each), and with
 * {@code --json} the same as one JSON line on stdout. The {@link Ledger} takes the figures.
 */
final class RunSummary {
    /** What the ledger knew of one studio at the end: {@code cost} null when no status gave a price. */
    record Row(Studio studio, OwnedStudio record, Duration ran, Double cost, boolean kept, String foundOn,
               ExecFailure failed) {
    }

    private RunSummary() {
    }

    static void print(List<Row> rows, DslContext context) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map<String, Object>> json = new ArrayList<>();
        context.output().log("studios this run started:");
        for (Row r : rows) {
            String state = stateNow(r.studio());
            String found = r.foundOn() == null ? "" : ", found running on " + r.foundOn();
            context.output().log("  " + r.studio().name() + " (teamspace " + r.record().teamspace() + ") on "
                    + String.join(" then ", r.record().machines()) + found + ", running " + Durations.format(r.ran())
                    + (r.cost() == null ? "" : ", " + estimate(r.cost()))
                    + ", now " + state + (r.kept() ? " (keepRunning)" : "")
                    + (r.failed() == null ? "" : "; " + r.failed().what()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("studio", r.studio().name());
            row.put("teamspace", r.record().teamspace());
            row.put("machines", r.record().machines());
            row.put("started", r.record().recorded().toString());
            row.put("runningSeconds", r.ran().toMillis() / 1000.0);
            if (r.cost() != null) {
                row.put("estimatedCost", Math.round(r.cost() * 10000) / 10000.0);
            }
            row.put("state", state);
            if (r.foundOn() != null) {
                row.put("foundRunningOn", r.foundOn());
            }
            row.put("keptRunning", r.kept());
            if (r.failed() != null) {
                row.put("failedExec", r.failed().toMap());
            }
            json.add(row);
        }
        if (context.jsonResults()) {
            Dsl.create(context).json(Map.of("summary", json));
        }
    }

    /** The machine's price an hour times the time it ran: not the bill, which the service keeps. */
    private static String estimate(double cost) {
        return (cost < 0.005 ? "under $0.01" : "about $" + String.format(Locale.ROOT, "%.2f", cost)) + " (estimate)";
    }

    private static String stateNow(Studio studio) {
        try {
            return studio.status().describe();
        } catch (RuntimeException failure) {
            return Failure.GONE.is(failure) ? "DELETED" : "unknown (" + failure.getMessage() + ")";
        }
    }
}
