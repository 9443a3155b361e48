package dev.lstudio.dsl

import spock.lang.Specification

/**
 * Issue 14, item 1: a call that resolves to nothing, an option a verb lacks and a literal of the
 * wrong kind are compile errors with the place and the nearest verb; ordinary Groovy compiles.
 */
class CallCheckSpec extends Specification {
    ScriptCompiler compiler = ScriptCompiler.create()

    List<ScriptCompileException.Problem> problems(String text) {
        try {
            compiler.compile('Checked', text)
            return []
        } catch (ScriptCompileException e) {
            return e.problems()
        }
    }

    def "#code: #expected"() {
        expect:
        problems(code).collect { it.toString() } == [expected]

        where:
        code                                                              || expected
        "studio('s') { start 'lit-h100-1'; exce 'python train.py' }"      || "1:35: unknown verb 'exce' (did you mean 'exec'?)"
        "studio('s') {\n    strat 'cpu-4'\n}"                             || "2:5: unknown verb 'strat' (did you mean 'start'?)"
        "studio('s').exce('ls')"                                          || "1:13: unknown verb 'exce' (did you mean 'exec'?)"
        "paralel(['a']) { }"                                              || "1:1: unknown verb 'paralel' (did you mean 'parallel'?)"
        "def go() { studio('s') { swichTo 'cpu-4' } }"                    || "1:26: unknown verb 'swichTo' (did you mean 'switchTo'?)"
        "parallel(['a', 'b']) { n -> studio(n) { exce 'ls' } }"           || "1:41: unknown verb 'exce' (did you mean 'exec'?)"
        "start 'cpu-4'"                                                   || "1:1: 'start' is a studio verb: call it inside studio('name') { ... } or on a studio, e.g. studio('name').start(...)"
        "frobnicate()"                                                    || "1:1: unknown verb 'frobnicate': not a DSL verb, a Groovy method, or a method or variable of the script"
        "studio('s') { exec 'ls', timeout: 3 }"                           || "1:35: exec: timeout must be a duration such as 3.seconds or 3.minutes, got 3"
        "studio('s') { start 'cpu-4', maxRuntme: 2.hours }"               || "1:30: start: unknown option 'maxRuntme' (did you mean 'maxRuntime'?)"
        "studio('s') { start 'cpu-4', wait: 'yes' }"                      || "1:36: start: wait must be true or false, got 'yes'"
        "timeout(3) { }"                                                  || "1:9: timeout: the limit must be a duration such as 3.seconds or 3.minutes, got 3"
        "parallel(['a'], maxConcurrent: '4') { }"                         || "1:32: parallel: maxConcurrent must be a whole number, got '4'"
    }

    def "ordinary Groovy compiles: #description"() {
        expect:
        problems(code) == []

        where:
        description                         | code
        'a method of the script'            | "def hello(n) { println n }\nhello 'x'\nstudio('s') { hello 'y' }"
        'a closure in a local variable'     | "def f = { 1 }\nf()\nstudio('s') { f() }"
        'a closure in a binding variable'   | "g = { 1 }\ng()"
        'a closure in a @Field'             | "import groovy.transform.Field\n@Field def h = { 2 }\nh()"
        'a use category'                    | "use(groovy.time.TimeCategory) { println 1.minute.from.now }"
        'a category method on Object'       | "class Cat { static hi(Object o) { 'hi' } }\nuse(Cat) { hi() }"
        'a static import'                   | "import static java.lang.Math.max\nprintln max(1, 2)"
        'a star static import'              | "import static java.lang.Math.*\nprintln abs(-1)"
        'an import'                         | "import java.util.concurrent.atomic.AtomicInteger\nnew AtomicInteger().incrementAndGet()"
        'evaluate'                          | "evaluate('k = { 3 }')\nk()"
        'methodMissing'                     | "def methodMissing(String n, a) { n }\nanything()"
        'Groovy methods'                    | "println 1; print 2; printf('%d', 3); sleep 1; [1].each { println it }; 3.times { }"
        'a closure given to with'           | "new StringBuilder().with { append 'x' }"
        'a closure given to a script method'| "def on(Closure c) { c.delegate = new StringBuilder(); c() }\non { append 'x' }"
        'a dynamic method name'             | "def n = 'println'\n\"\$n\"('x')"
        'a class of the script'             | "class A { def b() { c() }\n def c() { 1 } }\nnew A().b()"
        'verbs with their options'          | "studio('s', create: true) { start 'cpu-4', maxRuntime: 2.hours, wait: true; exec 'ls', timeout: 1.minutes, check: false; stop() }"
        'an option given by a variable'     | "def t = 3\nstudio('s') { exec 'ls', timeout: t }"
        'a closure stored, then used'       | "def work = { start 'cpu-4'; exec 'ls' }\nstudio('s', work)"
        'properties of the handle'          | "studio('s') { println status; println running; println name }"
        'closure methods in a closure'      | "[1].each { println getDelegate(); println owner }"
        'script helpers'                    | "retry(3) { timeout(2.seconds) { log 'x'; json([a: 1]) } }\nkeepRunning()\nbudget maxHours: 1.5\nprintln args\nenv('HOME', 'x')"
    }

    def "names the caller knows (the REPL's binding variables) are not flagged"() {
        given:
        def config = ScriptCompiler.configuration { ['fromEarlierLine'] }
        def shell = new GroovyShell(config)

        when:
        shell.parse('fromEarlierLine()')

        then:
        noExceptionThrown()
    }
}
