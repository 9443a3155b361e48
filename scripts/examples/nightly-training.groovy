#!/usr/bin/env lstudio
// Nightly training on a GPU Studio, with a guaranteed stop.
//
// crontab (every night at 02:30; the env file holds LIGHTNING_USER_ID, LIGHTNING_API_KEY,
// LIGHTNING_TEAMSPACE and the settings below):
//   30 2 * * *  . $HOME/.lstudio.env; $HOME/lstudio/scripts/lstudio run $HOME/jobs/nightly-training.groovy >>$HOME/logs/nightly.out 2>>$HOME/logs/nightly.log
//
// Settings (environment variables):
//   STUDIO         the Studio to train in                      (default: my-studio)
//   MACHINE        the GPU machine                             (default: lit-a100-1)
//   TRAIN_COMMAND  the command, run in the Studio's home folder (default: python train.py)
//   MAX_HOURS      how long the training may take              (default: 6)
//
// How the Studio is guaranteed to stop:
//   - the command failing, the timeout passing, Ctrl-C or SIGTERM: lstudio stops the Studio it
//     started before exiting (exit codes 1, 124, 130, 143);
//   - lstudio itself dying (kill -9, the machine going away): maxRuntime, sent with the start
//     request, makes the server stop the Studio half an hour after the training limit.
// Overlapping runs: a second run while this one holds the lock exits 5 at once.

def name = env('STUDIO', 'my-studio')
def machine = env('MACHINE', 'lit-a100-1')
def command = env('TRAIN_COMMAND', 'python train.py')
def hours = env('MAX_HOURS', '6') as BigDecimal

log "nightly training in $name on $machine, at most $hours h: $command"

studio(name) {
    start machine: machine, maxRuntime: (hours + 0.5).hours
    exec 'nvidia-smi --query-gpu=name,memory.total --format=csv,noheader'
    // exec's own limit is 60 minutes; a training run gets the whole budget.
    def result = exec command, timeout: hours.hours
    stop()
    json(studio: name, machine: machine, exitCode: result.exitCode, minutes: result.duration.toMinutes())
}
