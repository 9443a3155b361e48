#!/usr/bin/env lstudio
// Quickstart: the card workflow. Start a Studio on a GPU, run nvidia-smi, stop it.
//
//   lstudio run quickstart.groovy [STUDIO [MACHINE]]
//   lstudio --emulator run quickstart.groovy          # offline, against the embedded emulator
//
// The Studio is created when it does not exist. If anything fails or you press Ctrl-C, the
// Studio is stopped anyway (guarded teardown), and maxRuntime makes the server stop it after
// an hour even if this computer goes away.

def name = args ? args[0] : 'my-studio'
def machine = args.size() > 1 ? args[1] : 'lit-h100-1'

studio(name, create: true) {
    start machine: machine, maxRuntime: 1.hours
    exec 'nvidia-smi'
    stop()
}
