package dev.lstudio.repl

import org.jline.terminal.TerminalBuilder

/**
 * The REPL on the system terminal with fixed lists and a session that pretends to start studios:
 * for trying it by hand and for the pseudo-terminal spec. {@code start 'x'} marks x running.
 */
class ReplDemo {
    static void main(String[] args) {
        Set<String> running = new LinkedHashSet<>()
        def data = CompletionSpec.data()
        def session = new Session() {
            String teamspace() { 'research' }
            int runningCount() { running.size() }
            List<String> stillRunning() { running as List }
            void stop(List<String> names) { running.removeAll(names) }
            String afterInterrupt() { 'nothing runs remotely in the demo' }
        }
        def binding = new Binding(out: null)
        binding.setVariable('start', { String machine -> running << "demo-on-${machine}".toString(); "started on ${machine}" })
        def terminal = TerminalBuilder.builder().system(true).build()
        binding.setVariable('out', new PrintWriter(terminal.writer(), true))
        Repl.builder()
                .terminal(terminal)
                .evaluator(GroovyEvaluator.forDsl(binding))
                .completion(data)
                .session(session)
                .renderer(TableRenderer.builder().table(StudioRow.TABLE).build())
                .historyFile(args.length > 0 ? java.nio.file.Path.of(args[0]) : null)
                .build()
                .run()
    }
}
