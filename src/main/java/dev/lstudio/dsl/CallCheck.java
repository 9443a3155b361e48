package dev.lstudio.dsl;

import dev.lstudio.client.Nearest;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * The check before anything runs: a call that can resolve to nothing (not a DSL verb, not a
 * Groovy or Script method, not a method, variable or field the script defines), a named option
 * a verb does not have, and a literal of the wrong type for an option are compile errors, so a
 * typo after {@code start 'lit-h100-1'} costs no paid start.
 *
 * <p>It judges only what it can be sure of, since a false alarm stops a good script: calls with
 * an implicit {@code this} at the script's level, in its methods, and in closures whose delegate
 * is known ({@code studio('x') { ... }}: the studio handle, then the script; {@code parallel},
 * {@code retry}, {@code timeout}, {@code each}, ...: unchanged). A closure handed to anything else
 * ({@code with}, {@code use}, a method of the script's) may have any delegate and is not judged,
 * and a script that reaches for dynamic means ({@code methodMissing}, {@code metaClass},
 * {@code binding}, {@code evaluate}) is not judged at all. Runs after semantic analysis, when calls
 * of local closures already read {@code f.call()} and static imports are resolved.
 */
final class CallCheck extends CompilationCustomizer {
    /** Script verbs that call their closure as it is: its calls resolve as the caller's do. */
    private static final Set<String> SAME_SCOPE_VERBS = Set.of("parallel", "retry", "timeout", "teardown", "teamspace");
    /** Groovy methods that call their closure without changing its delegate. */
    private static final Set<String> SAME_SCOPE_GDK = Set.of("each", "eachWithIndex", "collect", "collectMany",
            "collectEntries", "findAll", "find", "findResult", "any", "every", "times", "upto", "downto", "step",
            "inject", "sort", "groupBy", "sum", "count", "eachLine");

    private final Supplier<? extends Collection<String>> knownNames;

    /** @param knownNames names the caller defines besides the script's own (the REPL's binding variables) */
    CallCheck(Supplier<? extends Collection<String>> knownNames) {
        super(CompilePhase.CANONICALIZATION);
        this.knownNames = knownNames;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript() || !classNode.getSuperClass().getName().equals(LstudioScript.class.getName())) {
            return; // declared classes resolve calls on themselves; a @BaseScript is not ours to judge
        }
        ScriptNames names = ScriptNames.of(classNode);
        if (names.dynamic()) {
            return;
        }
        Set<String> declared = new HashSet<>(names.declared());
        declared.addAll(knownNames.get());
        new Judge(source, declared).visitClass(classNode);
    }

    /** Where a call is: the script's own level, inside a studio block, or somewhere not judged. */
    private enum Scope { SAME, HANDLE, UNKNOWN }

    private static final class Judge extends ClassCodeVisitorSupport {
        private final SourceUnit source;
        private final Set<String> declared;
        private final Deque<Scope> scopes = new ArrayDeque<>();

        Judge(SourceUnit source, Set<String> declared) {
            this.source = source;
            this.declared = declared;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (name != null && judging()) {
                if (call.isImplicitThis()) {
                    judge(call, name, scopes.contains(Scope.HANDLE) ? VerbNames.inStudio() : VerbNames.inScript());
                } else if (returnsHandle(call.getObjectExpression())) {
                    judge(call, name, VerbNames.onHandle());
                }
            }
            call.getObjectExpression().visit(this);
            call.getMethod().visit(this);
            Scope inner = closureScope(call, name);
            for (Expression argument : arguments(call)) {
                if (argument instanceof ClosureExpression closure) {
                    visitClosure(closure, inner);
                } else {
                    argument.visit(this);
                }
            }
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            visitClosure(closure, Scope.UNKNOWN); // a closure in a variable or a list: its delegate is anyone's
        }

        private void visitClosure(ClosureExpression closure, Scope scope) {
            scopes.push(scope);
            try {
                super.visitClosureExpression(closure);
            } finally {
                scopes.pop();
            }
        }

        private boolean judging() {
            return !scopes.contains(Scope.UNKNOWN);
        }

        private Scope closureScope(MethodCallExpression call, String name) {
            if (name == null || declared.contains(name)) {
                return Scope.UNKNOWN;
            }
            if (call.isImplicitThis()) {
                return name.equals("studio") ? Scope.HANDLE : SAME_SCOPE_VERBS.contains(name) ? Scope.SAME : Scope.UNKNOWN;
            }
            return SAME_SCOPE_GDK.contains(name) ? Scope.SAME : Scope.UNKNOWN;
        }

        /** {@code studio('x')} or {@code create('x')} with no block: the studio handle, whatever the script does. */
        private boolean returnsHandle(Expression receiver) {
            return receiver instanceof MethodCallExpression m && m.isImplicitThis()
                    && ("studio".equals(m.getMethodAsString()) || "create".equals(m.getMethodAsString()))
                    && !declared.contains(m.getMethodAsString())
                    && arguments(m).stream().noneMatch(a -> a instanceof ClosureExpression);
        }

        private void judge(MethodCallExpression call, String name, VerbNames.Known known) {
            if (declared.contains(name)) {
                return;
            }
            if (!known.all().contains(name) && VerbNames.onHandle().verbs().contains(name)) {
                error(call.getMethod(), "'" + name + "' is a studio verb: call it inside studio('name') { ... }"
                        + " or on a studio, e.g. studio('name')." + name + "(...)");
                return;
            }
            if (!known.all().contains(name)) {
                String hint = Nearest.likely(name, known.verbs()).or(() -> Nearest.likely(name, declared))
                        .map(n -> " (did you mean '" + n + "'?)")
                        .orElse(": not a DSL verb, a Groovy method, or a method or variable of the script");
                error(call.getMethod(), "unknown verb '" + name + "'" + hint);
                return;
            }
            List<Expression> args = arguments(call);
            if (!args.isEmpty() && args.get(0) instanceof MapExpression options) {
                OptionCheck.named(name, options).forEach(p -> error(p.where(), p.message()));
            }
            OptionCheck.positional(name, args).forEach(p -> error(p.where(), p.message()));
        }

        private void error(ASTNode where, String message) {
            source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(new Mistake(message, where), source));
        }

        private static List<Expression> arguments(MethodCallExpression call) {
            return call.getArguments() instanceof TupleExpression t ? t.getExpressions() : List.of(call.getArguments());
        }
    }

    /** A call the check refused: well-formed Groovy, so not called a syntax error where that is said. */
    static final class Mistake extends SyntaxException {
        private static final long serialVersionUID = 1L;

        Mistake(String message, ASTNode where) {
            super(message, where.getLineNumber(), where.getColumnNumber(), where.getLastLineNumber(),
                    where.getLastColumnNumber());
        }
    }

    /** For messages about a constant: how the script wrote it. */
    static String literal(ConstantExpression c) {
        return c.getValue() instanceof String s ? "'" + s + "'" : String.valueOf(c.getValue());
    }
}
