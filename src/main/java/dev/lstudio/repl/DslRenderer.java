package dev.lstudio.repl;

import dev.lstudio.client.ExecResult;
import dev.lstudio.client.Machine;
import dev.lstudio.client.StudioStatus;
import dev.lstudio.client.Teamspace;
import dev.lstudio.client.Durations;
import dev.lstudio.dsl.StudioHandle;
import dev.lstudio.render.PhaseColours;
import dev.lstudio.render.Table;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * How the DSL's values print at the prompt. One studio prints as one line with its phase asked
 * afresh (the handle may be minutes old); a list of studios as a table of the phases the list
 * call just returned (one call for the table, not one per row); an exec result as its exit code
 * and time, since its output has already streamed; machines and teamspaces as tables.
 */
public final class DslRenderer implements ValueRenderer {
    private final TableRenderer tables = TableRenderer.builder()
            .table(Table.of(StudioHandle.class)
                    .column("name", StudioHandle::getName)
                    .column("teamspace", StudioHandle::getTeamspace)
                    .column("phase", h -> h.unwrap().listedStatus(), h -> PhaseColours.style(h.unwrap().listedStatus()))
                    .column("machine", h -> h.unwrap().listedMachine())
                    .build())
            .table(Table.of(Machine.class)
                    .column("slug", Machine::slug)
                    .column("machine", Machine::describe)
                    .build())
            .table(Table.of(Teamspace.class)
                    .column("teamspace", Teamspace::label)
                    .column("id", Teamspace::projectId)
                    .build())
            .build();

    @Override
    public AttributedString render(Object value) {
        if (value instanceof StudioHandle handle) {
            return line(handle);
        }
        if (value instanceof ExecResult result) {
            return new AttributedStringBuilder()
                    .styled(result.exitCode() == 0 ? AttributedStyle.DEFAULT.faint()
                            : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "exit " + result.exitCode())
                    .styled(AttributedStyle.DEFAULT.faint(), " in " + Durations.format(result.duration())
                            + " (output above; .output holds it)")
                    .toAttributedString();
        }
        return tables.render(value);
    }

    private static AttributedString line(StudioHandle handle) {
        StudioStatus now = handle.unwrap().status();
        AttributedStringBuilder out = new AttributedStringBuilder()
                .append(handle.getName()).append("  ")
                .styled(PhaseColours.style(now.status()), now.status().name());
        if (!now.stopped() && now.machine() != null) {
            out.append("  ").append(now.machine());
        }
        return out.append("  ").styled(AttributedStyle.DEFAULT.faint(), "teamspace " + handle.getTeamspace())
                .toAttributedString();
    }
}
