package dev.lstudio.bench;

import dev.lstudio.dsl.ScriptCompiler;
import dev.lstudio.repl.GroovyEvaluator;
import dev.lstudio.repl.Repl;
import groovy.lang.Binding;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The REPL core on the system terminal with the DSL's compiler configuration, for scenario 2
 * until {@code lstudio repl} is wired into the CLI; the bench then uses the real command.
 */
public final class BenchRepl {
    private BenchRepl() {
    }

    public static void main(String[] args) throws Exception {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        Binding binding = new Binding();
        binding.setVariable("out", new PrintWriter(terminal.writer(), true));
        Repl.builder().terminal(terminal).historyFile(null)
                .evaluator(GroovyEvaluator.create(ScriptCompiler.configuration(), binding))
                .build().run();
        System.exit(0);
    }
}
