package dev.lstudio.repl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Runs on each snippet right after parsing. It turns top-level declarations into binding
 * assignments (so {@code def x = 1} outlives its snippet, typed ones keep their cast), notes the
 * methods the snippet defines, and both records the snippet's imports and adds the earlier ones.
 * Imports are kept only once their snippet compiled, so a typo does not poison later snippets.
 */
final class SnippetState extends CompilationCustomizer {

    /** An import as written; re-applied to each later snippet. */
    private record Import(String kind, String type, String member, String alias) {
    }

    private final Set<Import> imports = new LinkedHashSet<>();
    private final Set<Import> pendingImports = new LinkedHashSet<>();
    private final List<String> methods = new ArrayList<>();
    private boolean classesOnly;
    private final Set<ModuleNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    SnippetState() {
        super(CompilePhase.CONVERSION);
    }

    void begin() {
        pendingImports.clear();
        methods.clear();
        classesOnly = false;
    }

    void commit() {
        imports.addAll(pendingImports);
    }

    void end() {
        seen.clear();
    }

    List<String> lastMethods() {
        return List.copyOf(methods);
    }

    /** Whether the last snippet only declared classes, so there is nothing to run. */
    boolean lastDeclaredClassesOnly() {
        return classesOnly;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (!seen.add(module)) {
            return;
        }
        record(module);
        classesOnly = module.getStatementBlock().isEmpty() && module.getMethods().isEmpty()
                && !module.getClasses().isEmpty() && module.getClasses().stream().noneMatch(ClassNode::isScript);
        for (Import i : imports) {
            apply(module, i);
        }
        for (MethodNode m : module.getMethods()) {
            if (!m.getName().equals("run") && !m.getName().equals("main")) {
                methods.add(m.getName());
            }
        }
        List<Statement> statements = module.getStatementBlock().getStatements();
        for (Statement s : statements) {
            if (s instanceof ExpressionStatement es && es.getExpression() instanceof DeclarationExpression d
                    && d.getAnnotations().isEmpty()) {
                Expression promoted = promote(d);
                promoted.setSourcePosition(d);
                es.setExpression(promoted);
            }
        }
    }

    private void record(ModuleNode module) {
        for (ImportNode i : module.getImports()) {
            pendingImports.add(new Import("class", i.getClassName(), null, i.getAlias()));
        }
        for (ImportNode i : module.getStarImports()) {
            pendingImports.add(new Import("star", i.getPackageName(), null, null));
        }
        module.getStaticImports().forEach((alias, i) ->
                pendingImports.add(new Import("static", i.getClassName(), i.getFieldName(), alias)));
        module.getStaticStarImports().forEach((name, i) ->
                pendingImports.add(new Import("staticStar", i.getClassName(), null, null)));
    }

    private static void apply(ModuleNode module, Import i) {
        switch (i.kind()) {
            case "class" -> {
                if (module.getImport(i.alias()) == null) {
                    module.addImport(i.alias(), ClassHelper.make(i.type()));
                }
            }
            case "star" -> {
                if (module.getStarImports().stream().noneMatch(s -> s.getPackageName().equals(i.type()))) {
                    module.addStarImport(i.type());
                }
            }
            case "static" -> {
                if (!module.getStaticImports().containsKey(i.alias())) {
                    module.addStaticImport(ClassHelper.make(i.type()), i.member(), i.alias());
                }
            }
            default -> {
                if (!module.getStaticStarImports().containsKey(i.type())) {
                    module.addStaticStarImport(i.type(), ClassHelper.make(i.type()));
                }
            }
        }
    }

    /** {@code def x = 1} becomes {@code x = 1}; {@code String s = v} becomes {@code s = (String) v}. */
    private static Expression promote(DeclarationExpression d) {
        Token assign = Token.newSymbol(Types.ASSIGN, d.getLineNumber(), d.getColumnNumber());
        Expression right = d.getRightExpression() instanceof EmptyExpression
                ? ConstantExpression.NULL : d.getRightExpression();
        if (d.isMultipleAssignmentDeclaration()) {
            TupleExpression names = new TupleExpression();
            for (Expression e : d.getTupleExpression().getExpressions()) {
                names.addExpression(new VariableExpression(((VariableExpression) e).getName()));
            }
            return new BinaryExpression(names, assign, right);
        }
        VariableExpression declared = d.getVariableExpression();
        Expression value = declared.isDynamicTyped() ? right
                : new CastExpression(declared.getOriginType(), right);
        return new BinaryExpression(new VariableExpression(declared.getName()), assign, value);
    }
}
