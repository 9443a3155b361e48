/**
 * Rows shown as aligned columns ({@link dev.lstudio.render.Table}) and the colour of a phase
 * ({@link dev.lstudio.render.PhaseColours}): pure rendering to JLine's attributed strings, with
 * no terminal, no Groovy and no client call. It lives apart from {@code repl} so that both the
 * REPL and the one-word commands of {@code cli} print through one implementation without the
 * commands loading the REPL's classes.
 */
package dev.lstudio.render;
