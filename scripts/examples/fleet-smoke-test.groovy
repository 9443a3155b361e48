#!/usr/bin/env lstudio
// Fleet smoke test: start several Studios in parallel, run a check in each, report one JSON
// line per Studio on stdout, and exit 1 if any failed. Studios that were already running are
// checked where they run and left running; the others are started and stopped again.
//
//   lstudio run fleet-smoke-test.groovy [STUDIO...]
//
// Without names, every Studio of the teamspace whose name starts with SMOKE_PREFIX is tested.
// Settings (environment variables):
//   SMOKE_PREFIX    names to test when none are given          (default: worker-)
//   SMOKE_MACHINE   machine for Studios that are stopped        (default: lit-t4-1)
//   SMOKE_COMMAND   the check; exit code 0 means healthy        (default: nvidia-smi -L)
//   SMOKE_PARALLEL  how many Studios at a time                  (default: 4)
//
// crontab (every morning at 06:00, before people start work):
//   0 6 * * 1-5  . $HOME/.lstudio.env; $HOME/lstudio/scripts/lstudio run $HOME/jobs/fleet-smoke-test.groovy >>$HOME/logs/smoke.jsonl 2>>$HOME/logs/smoke.log

def prefix = env('SMOKE_PREFIX', 'worker-')
def machine = env('SMOKE_MACHINE', 'lit-t4-1')
def check = env('SMOKE_COMMAND', 'nvidia-smi -L')
int atOnce = env('SMOKE_PARALLEL', '4') as int

List<String> names = args ?: studios()*.name.findAll { it.startsWith(prefix) }.sort()
if (!names) {
    log "no Studios to test: none named on the command line, none starting with '$prefix'"
    return
}
log "smoke test of ${names.size()} Studio(s), $atOnce at a time: ${names.join(', ')}"

def results = parallel(names, maxConcurrent: atOnce) { String name ->
    long began = System.nanoTime()
    try {
        studio(name) {
            boolean wasRunning = running
            if (!wasRunning) {
                start machine: machine, maxRuntime: 1.hours
            }
            def r = exec check, check: false, timeout: 10.minutes
            if (!wasRunning) {
                stop()
            }
            [studio: name, ok: r.exitCode == 0, exitCode: r.exitCode,
             seconds: (System.nanoTime() - began).intdiv(1_000_000_000)]
        }
    } catch (e) {
        // One broken Studio must not end the test of the others: report it and go on.
        [studio: name, ok: false, error: e.message]
    }
}

results.each { json(it) }
def failed = results.findAll { !it.ok }*.studio
if (failed) {
    throw new DslException("smoke test failed for ${failed.size()} of ${results.size()} Studio(s): ${failed.join(', ')}")
}
log "all ${results.size()} Studio(s) healthy"
