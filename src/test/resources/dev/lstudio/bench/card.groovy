// The card workflow in lstudio: create 'my-studio' if missing, start it on lit-h100-1, run nvidia-smi, stop it.
studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }
