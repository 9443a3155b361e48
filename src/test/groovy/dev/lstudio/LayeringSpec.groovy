package dev.lstudio

import static com.tngtech.archunit.base.DescribedPredicate.describe
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.domain.JavaMethod
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchCondition
import com.tngtech.archunit.lang.ArchRule
import com.tngtech.archunit.lang.ConditionEvents
import com.tngtech.archunit.lang.SimpleConditionEvent
import dev.lstudio.layering.offenders.client.HandsOutTheWire
import dev.lstudio.layering.offenders.dsl.CallsBack
import dev.lstudio.layering.offenders.dsl.ReadsTheWire
import spock.lang.Shared
import spock.lang.Specification

/**
 * The arrows of ARCHITECTURE.md, checked on the compiled production classes: api <- client <- dsl
 * <- repl/cli, the emulator on its own, and client the only floor above api. A rule that passes
 * here is also shown failing on a class that breaks it (the offenders, test classes never used).
 */
class LayeringSpec extends Specification {
    static final String ROOT = 'dev.lstudio'
    static final String API = 'dev.lstudio.api..'

    /** Where the CLI builds the ApiConfig, the LightningApi and the Credentials: it may name api. */
    static final List<String> COMPOSITION_ROOT = ['dev.lstudio.cli.ContextFactory', 'dev.lstudio.cli.StartupTraining']

    /**
     * Only in what client hands out: ClientOptions is a record, so its sleeper() and environment()
     * accessors are public by the language; the composition root (or a spec) hands the clock and
     * the Environment in and only client reads them. The layers above reach the clock through
     * client's own Clock.
     */
    static final List<String> HANDED_IN_BY_THE_ROOT = ['dev.lstudio.api.Sleeper', 'dev.lstudio.api.Environment']

    @Shared
    JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT)

    @Shared
    JavaClasses offenders = new ClassFileImporter().importClasses(ReadsTheWire, HandsOutTheWire, CallsBack)

    def "dsl, repl and cli reach the API only through client (cli's composition root aside)"() {
        when:
        aboveClientUsesNoApi(ROOT).check(production)
        then:
        noExceptionThrown()
    }

    def "api and the emulator depend on nothing else of ours"() {
        when:
        dependsOnlyOnItself("${ROOT}.api").check(production)
        dependsOnlyOnItself("${ROOT}.emulator").check(production)
        then:
        noExceptionThrown()
    }

    def "client depends on api alone of ours, nothing above it"() {
        when:
        noClasses().that().resideInAPackage("${ROOT}.client..")
                .should().dependOnClassesThat().resideInAnyPackage("${ROOT}.dsl..", "${ROOT}.repl..",
                "${ROOT}.cli..", "${ROOT}.emulator..")
                .check(production)
        then:
        noExceptionThrown()
    }

    def "dsl knows nothing of the REPL, the CLI or the emulator; the REPL nothing of the CLI"() {
        when:
        noClasses().that().resideInAPackage("${ROOT}.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage("${ROOT}.repl..", "${ROOT}.cli..", "${ROOT}.emulator..")
                .check(production)
        noClasses().that().resideInAPackage("${ROOT}.repl..")
                .should().dependOnClassesThat().resideInAnyPackage("${ROOT}.cli..", "${ROOT}.emulator..")
                .check(production)
        then:
        noExceptionThrown()
    }

    def "what client hands out is its own: no wire record, LightningApi, OkHttp or Retrofit type"() {
        when:
        clientExportsItsOwnTypes("${ROOT}.client", HANDED_IN_BY_THE_ROOT).check(production)
        then:
        noExceptionThrown()
    }

    def "no cycles between the packages"() {
        when:
        slices().matching("${ROOT}.(*)..").should().beFreeOfCycles().check(production)
        then:
        noExceptionThrown()
    }

    def "each rule fails on a class that breaks it, naming the class and what it reached"() {
        when:
        def report = rule.evaluate(offenders).failureReport

        then:
        !report.empty
        report.details.any { it.contains(offender) && it.contains(reached) }

        where:
        rule                                                                         || offender                  | reached
        aboveClientUsesNoApi('dev.lstudio.layering.offenders')                   || ReadsTheWire.name         | 'dev.lstudio.api.CloudSpace'
        clientExportsItsOwnTypes('dev.lstudio.layering.offenders.client', [])        || HandsOutTheWire.name      | 'dev.lstudio.api.CloudSpace'
        slices().matching('dev.lstudio.layering.offenders.(*)..').should().beFreeOfCycles() || CallsBack.name    | HandsOutTheWire.name
    }

    static ArchRule aboveClientUsesNoApi(String root) {
        noClasses().that(but(resideInAnyPackage("${root}.dsl..", "${root}.repl..", "${root}.cli.."),
                named('the composition root', COMPOSITION_ROOT)))
                .should().dependOnClassesThat().resideInAPackage(API)
                .because('client is the only floor above api')
    }

    static ArchRule dependsOnlyOnItself(String pkg) {
        classes().that().resideInAPackage("${pkg}..")
                .should().onlyDependOnClassesThat(either(resideOutsideOfPackage("${ROOT}.."), resideInAPackage("${pkg}..")))
    }

    /** Return types of public methods of public classes; exceptions inherited from api's LightningException are api's own. */
    static ArchRule clientExportsItsOwnTypes(String pkg, List<String> allowed) {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("${pkg}..")
                .should(returnNone(but(resideInAnyPackage(API, 'okhttp3..', 'retrofit2..'), named('handed in by the root', allowed))))
                .allowEmptyShould(true)
    }

    // Groovy would pick java.util.function.Predicate's and/or over ArchUnit's, losing the description.
    static DescribedPredicate<JavaClass> but(DescribedPredicate<? super JavaClass> these, DescribedPredicate<? super JavaClass> notThose) {
        describe("${these.description} but not ${notThose.description}") { JavaClass c -> these.test(c) && !notThose.test(c) }
    }

    static DescribedPredicate<JavaClass> either(DescribedPredicate<? super JavaClass> one, DescribedPredicate<? super JavaClass> other) {
        describe("${one.description} or ${other.description}") { JavaClass c -> one.test(c) || other.test(c) }
    }

    /** A class or any class nested in it (ContextFactory$1 is the composition root too). */
    static DescribedPredicate<JavaClass> named(String what, List<String> names) {
        describe(what) { JavaClass c -> names.any { c.name == it || c.name.startsWith(it + '$') } }
    }

    static ArchCondition<JavaMethod> returnNone(DescribedPredicate<JavaClass> forbidden) {
        new ArchCondition<JavaMethod>("return no type that is ${forbidden.description}") {
            @Override
            void check(JavaMethod method, ConditionEvents events) {
                def bad = method.returnType.allInvolvedRawTypes.findAll { forbidden.test(it) }
                if (bad) {
                    events.add(SimpleConditionEvent.violated(method,
                            "${method.fullName} returns ${bad*.name.join(', ')}"))
                }
            }
        }
    }
}
