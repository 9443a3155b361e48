// Fan-out: one exec on fan-00 alone, then the same exec on every fan-NN studio at once; both after
// one unmeasured exec, so that neither pays for first-use class loading. args[0]: how many studios.
def names = (0..<(args[0] as int)).collect { String.format('fan-%02d', it) }
studio(names[0]) { exec 'true' }
long t0 = System.nanoTime()
studio(names[0]) { exec 'true' }
long one = System.nanoTime() - t0
t0 = System.nanoTime()
parallel(names, maxConcurrent: names.size()) { name -> studio(name) { exec 'true' } }
long all = System.nanoTime() - t0
println "one_ms=${one / 1e6} fanout_ms=${all / 1e6}"
