#!/usr/bin/env lstudio
// Last line of defence against a forgotten GPU: stops running Studios that have run past a
// limit, or that sat idle on consecutive checks. Meant for cron, every hour:
//   0 * * * *  . $HOME/.lstudio.env; $HOME/lstudio/scripts/lstudio run $HOME/jobs/cleanup-idle.groovy >>$HOME/logs/cleanup.jsonl 2>>$HOME/logs/cleanup.log
//
//   lstudio run cleanup-idle.groovy [--dry-run]      # --dry-run: report, stop nothing
//
// The API does not say when a Studio started or when it was last used, so this job keeps a
// small state file of when it first saw each Studio running, and how many checks in a row
// found it idle (GPU utilisation 0 and a low load average).
//
// Settings (environment variables):
//   MAX_RUNTIME_HOURS  stop a Studio seen running for longer than this     (default: 8)
//   IDLE_CHECKS        stop a Studio found idle on this many checks in a row (default: 2)
//   IDLE_LOAD          1-minute load average below which a Studio is idle  (default: 0.2)
//   KEEP               comma-separated names never stopped                 (default: none)
//   CLEANUP_STATE      the state file    (default: ~/.local/state/lstudio/cleanup.properties)
// stdout: one JSON line per running Studio, {"studio", "machine", "action", "reason"}, and nothing
//   else (the idle checks run with echo: false), so it can be piped to jq.

boolean dryRun = args.contains('--dry-run')
def maxRuntime = (env('MAX_RUNTIME_HOURS', '8') as BigDecimal).hours
int idleChecks = env('IDLE_CHECKS', '2') as int
def idleLoad = env('IDLE_LOAD', '0.2') as BigDecimal
Set<String> keep = env('KEEP', '').split(',')*.trim().findAll() as Set
def stateFile = new File(env('CLEANUP_STATE', "${env('HOME')}/.local/state/lstudio/cleanup.properties"))

def seen = new Properties()
if (stateFile.exists()) {
    stateFile.withInputStream { seen.load(it) }
}
def now = System.currentTimeMillis()
def next = new Properties()   // only Studios running now are remembered

/** True when the Studio does nothing: no GPU busy, and a load average below {@code maxLoad}. */
boolean idle(s, BigDecimal maxLoad) {
    // Without a GPU, nvidia-smi fails and prints nothing useful: count the GPUs as idle.
    def gpu = s.exec('nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits 2>/dev/null || true',
            check: false, timeout: 2.minutes, echo: false)
    def load = s.exec('cut -d" " -f1 /proc/loadavg', check: false, timeout: 2.minutes, echo: false)
    boolean gpusIdle = gpu.output.readLines()*.trim().findAll { it.isNumber() }.every { it as int == 0 }
    def loadAverage = load.output.trim().isBigDecimal() ? load.output.trim() as BigDecimal : 0
    gpusIdle && loadAverage < maxLoad
}

studios(running: true).each { s ->
    String name = s.name
    String machine = s.machine
    long firstSeen = (seen.getProperty("${name}.firstSeen") ?: now) as long
    def ranFor = java.time.Duration.ofMillis(now - firstSeen)
    int idleRuns = 0
    if (!keep.contains(name) && idle(s, idleLoad)) {
        idleRuns = ((seen.getProperty("${name}.idleRuns") ?: '0') as int) + 1
    }

    String reason = null
    if (keep.contains(name)) {
        // never stopped by this job
    } else if (ranFor >= maxRuntime) {
        reason = "running for at least ${ranFor.toMinutes()} min (limit ${maxRuntime.toMinutes()} min)"
    } else if (idleRuns >= idleChecks) {
        reason = "idle on $idleRuns checks in a row"
    }

    if (reason && !dryRun) {
        log "stopping $name on $machine: $reason"
        s.stop()
    } else {
        next.setProperty("${name}.firstSeen", firstSeen as String)
        next.setProperty("${name}.idleRuns", idleRuns as String)
    }
    json(studio: name, machine: machine, action: reason ? (dryRun ? 'would stop' : 'stopped') : 'kept',
         reason: reason ?: (keep.contains(name) ? 'in KEEP' : "running ${ranFor.toMinutes()} min, idle on $idleRuns check(s)"))
}

stateFile.parentFile?.mkdirs()
stateFile.withOutputStream { next.store(it, 'lstudio cleanup-idle.groovy: when each running Studio was first seen') }
