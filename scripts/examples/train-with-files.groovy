#!/usr/bin/env lstudio
// Send your code, train on a GPU, bring the results back, stop: the nightly job most people want.
//
//   lstudio run train-with-files.groovy
//   30 2 * * *  . $HOME/.lstudio.env; cd $HOME/project && $HOME/lstudio/scripts/lstudio run $HOME/jobs/train-with-files.groovy >>$HOME/logs/train.out 2>>$HOME/logs/train.log
//
// Settings (environment variables):
//   STUDIO         the Studio to train in                              (default: my-studio)
//   MACHINE        the GPU machine                                     (default: lit-a100-1)
//   CODE           the local folder sent (its .gitignore and .lstudioignore are honoured; files
//                  already there with the same size and checksum are not sent again)
//                                                                      (default: the current folder)
//   TRAIN_COMMAND  run in the sent folder on the Studio                (default: python train.py)
//   RESULTS        the folder the training writes, inside CODE         (default: out)
//   TO             where the results land here                         (default: results)
//   MAX_HOURS      how long the training may take                      (default: 6)
//
// The code goes up before the start: a Studio's files are there whether it runs or not, so no
// GPU minute is spent copying. The results come down before the stop, and the Studio is stopped
// whatever fails (guarded teardown; maxRuntime if this machine itself goes away). A download
// that fails part way leaves no half-written file in place of a result.

def name = env('STUDIO', 'my-studio')
def machine = env('MACHINE', 'lit-a100-1')
def code = env('CODE', '.')
def command = env('TRAIN_COMMAND', 'python train.py')
def results = env('RESULTS', 'out')
def to = env('TO', 'results')
def hours = env('MAX_HOURS', '6') as BigDecimal

studio(name, create: true) {
    def sent = upload code + '/', to: 'project/'
    log "sent ${sent.files} file(s) (${sent.skipped} unchanged, left as they were)"
    start machine: machine, maxRuntime: (hours + 0.5).hours
    def run = exec "cd project && $command", timeout: hours.hours
    def got = download "project/$results/", to: to
    stop()
    json(studio: name, machine: machine, exitCode: run.exitCode, sent: sent.files, received: got.files, to: to)
}
