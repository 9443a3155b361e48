#!/usr/bin/env lstudio
// CPU for the setup, GPU for the run, back to CPU for the results: pay GPU prices only while
// the GPU works. The Studio keeps its files across the switches.
//
//   lstudio run machine-switch.groovy [STUDIO]
//
// Settings (environment variables):
//   SETUP_COMMAND  on the CPU, before the run    (default: pip install -q -r requirements.txt)
//   RUN_COMMAND    on the GPU                     (default: python train.py)
//   AFTER_COMMAND  on the CPU, after the run      (default: ls -la)
//   CPU            the CPU machine                (default: cpu-4)
//   GPU            the GPU machine                (default: lit-a100-1)
//   MAX_HOURS      limit for the whole job        (default: 8)

def name = args ? args[0] : 'my-studio'
def cpu = env('CPU', 'cpu-4')
def gpu = env('GPU', 'lit-a100-1')
def hours = env('MAX_HOURS', '8') as BigDecimal

timeout(hours.hours) {
    studio(name) {
        start machine: cpu, maxRuntime: (hours + 0.5).hours
        log "setup on $cpu"
        exec env('SETUP_COMMAND', 'pip install -q -r requirements.txt')

        switchTo gpu
        log "run on $gpu"
        exec 'nvidia-smi -L'
        exec env('RUN_COMMAND', 'python train.py')

        switchTo cpu
        log "results on $cpu"
        exec env('AFTER_COMMAND', 'ls -la')
        stop()
    }
}
