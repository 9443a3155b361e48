/**
 * The interactive shell: the JLine loop ({@link dev.lstudio.repl.Repl}), a parser that knows
 * Groovy's brackets and quotes, the highlighter, meta-commands ({@code :help}, {@code :json}...),
 * completion fed by the client's {@link dev.lstudio.client.CompletionCache} and the DSL
 * reference, and the rendering of the DSL's values as lines and tables
 * ({@link dev.lstudio.repl.DslRenderer}).
 *
 * <p>It is built on {@code dsl} and {@code client} and knows nothing of HTTP: it uses no class of
 * {@code api} (plugins complete from the client's {@link dev.lstudio.client.PluginInfo}), nor of
 * {@code cli}, which wires it up; {@code LayeringSpec} checks both.
 */
package dev.lstudio.repl;
