package dev.lstudio.repl

import dev.lstudio.render.PhaseColours
import dev.lstudio.render.Table
import groovy.transform.Canonical

/** Stands in for the DSL's studio handle in rendering tests. */
@Canonical
class StudioRow {
    String name
    String phase
    String machine

    static final Table<StudioRow> TABLE = Table.of(StudioRow)
            .column('name', { it.name })
            .column('phase', { it.phase }, { PhaseColours.style(it.phase) })
            .column('machine', { it.machine })
            .build()
}
