package dev.lstudio.dsl;

import java.util.HashSet;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.PropertyNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.control.SourceUnit;

/**
 * What a script defines that a call may resolve to: its methods, fields, every variable it names
 * (a binding variable may hold a closure) and every parameter; and whether it reaches for
 * dynamic means that no reading of the text can follow, in which case {@link CallCheck} stays out.
 */
record ScriptNames(Set<String> declared, boolean dynamic) {
    /** Names whose use means calls may resolve to what the text does not show. */
    private static final Set<String> DYNAMIC = Set.of("methodMissing", "invokeMethod", "propertyMissing",
            "$static_methodMissing", "metaClass", "getMetaClass", "setMetaClass", "binding", "getBinding",
            "setBinding", "setVariable", "setProperty", "evaluate", "mixin");

    static ScriptNames of(ClassNode script) {
        Scan scan = new Scan(script);
        for (MethodNode m : script.getMethods()) {
            scan.name(m.getName());
        }
        for (FieldNode f : script.getFields()) {
            scan.name(f.getName());
        }
        for (PropertyNode p : script.getProperties()) {
            scan.name(p.getName());
        }
        scan.visitClass(script);
        scan.declared.add("it");
        return new ScriptNames(Set.copyOf(scan.declared), scan.dynamic);
    }

    private static final class Scan extends ClassCodeVisitorSupport {
        private final SourceUnit source;
        private final Set<String> declared = new HashSet<>();
        private boolean dynamic;

        Scan(ClassNode script) {
            this.source = script.getModule() == null ? null : script.getModule().getContext();
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        void name(String name) {
            declared.add(name);
            dynamic |= DYNAMIC.contains(name);
        }

        private void parameters(Parameter[] parameters) {
            if (parameters != null) {
                for (Parameter p : parameters) {
                    name(p.getName());
                }
            }
        }

        @Override
        protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
            parameters(node.getParameters());
            super.visitConstructorOrMethod(node, isConstructor);
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            parameters(closure.getParameters());
            super.visitClosureExpression(closure);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            name(loop.getVariable().getName());
            super.visitForLoop(loop);
        }

        @Override
        public void visitCatchStatement(CatchStatement statement) {
            name(statement.getVariable().getName());
            super.visitCatchStatement(statement);
        }

        @Override
        public void visitVariableExpression(VariableExpression variable) {
            name(variable.getName());
            super.visitVariableExpression(variable);
        }

        @Override
        public void visitPropertyExpression(PropertyExpression property) {
            String name = property.getPropertyAsString();
            if (name != null) {
                dynamic |= DYNAMIC.contains(name);
            }
            super.visitPropertyExpression(property);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (name != null) {
                dynamic |= DYNAMIC.contains(name);
            }
            super.visitMethodCallExpression(call);
        }
    }
}
