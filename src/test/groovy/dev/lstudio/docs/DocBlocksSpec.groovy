package dev.lstudio.docs

import spock.lang.Specification

class DocBlocksSpec extends Specification {
    def "every groovy block of dsl-docs is well marked: #block"() {
        expect:
        block.problems == []

        where:
        block << DocBlocks.all()
    }

    def "the blocks that are not run are listed with their reasons"() {
        when:
        def skipped = DocBlocks.all().findAll { !it.runnable() }
        skipped.each { println "not run: ${it.where()}: ${it.notRun}" }

        then:
        skipped.every { it.notRun }
        DocBlocks.runnable().size() >= 40
    }

    def "a block carries the expectations, exit code and arguments written after it"() {
        when:
        def blocks = DocBlocks.parse('page.md', '''\
Some text.

```groovy
println args
```

<!-- expect: [a, b] -->
<!-- expect: second -->
<!-- exit: 1 -->
<!-- args: a b -->
''')

        then:
        blocks.size() == 1
        with(blocks[0]) {
            where() == 'page.md:3'   // the line of the opening fence
            code == 'println args\n'
            expects == ['[a, b]', 'second']
            exit == 1
            args == ['a', 'b']
            runnable()
            problems == []
        }
    }

    def "not-run before a block keeps it from running, with its reason"() {
        when:
        def block = DocBlocks.parse('page.md', '''\
<!-- not-run: needs real cloud -->
```groovy
studio('prod') { start 'lit-b200x-8' }
```
''')[0]

        then:
        !block.runnable()
        block.notRun == 'needs real cloud'
        block.problems == []
    }

    def "#what is reported as a problem"() {
        expect:
        DocBlocks.parse('page.md', page).collectMany { it.problems }.any { it.contains(problem) }

        where:
        what                                   | page                                                            || problem
        'not-run without a reason'             | '<!-- not-run -->\n```groovy\nx\n```\n'                         || 'needs a reason'
        'a runnable block without expectation' | '```groovy\nprintln 1\n```\n'                                   || 'needs at least one <!-- expect'
        'an expect far from its block'         | '```groovy\nx\n```\n<!-- expect: 1 -->\ntext\n<!-- expect: 2 -->\n' || 'must follow the block'
        'a not-run far from its block'         | '<!-- not-run: why -->\ntext\n```groovy\nx\n```\n<!-- expect: x -->\n' || 'must come right before'
        'an exit that is not a number'         | '```groovy\nx\n```\n<!-- expect: x -->\n<!-- exit: one -->\n'  || 'needs a number'
    }

    def "blocks in other languages are ignored"() {
        expect:
        DocBlocks.parse('page.md', '```bash\nls\n```\n```text\n## x\n```\n') == []
    }

    def "a bash block that an expect follows is lstudio command lines, split as a shell splits them"() {
        when:
        def blocks = DocBlocks.parse('page.md', "```bash\nlstudio exec a -- 'echo \"hi there\"' x\\ y\nlstudio stop a\n```\n<!-- expect: hi -->\n")

        then:
        blocks.size() == 1
        blocks[0].shell
        blocks[0].problems == []
        blocks[0].commands() == [['exec', 'a', '--', 'echo "hi there"', 'x y'], ['stop', 'a']]
    }

    def "a runnable bash block may hold only lstudio command lines"() {
        expect:
        DocBlocks.parse('page.md', '```bash\nmvn verify\n```\n<!-- expect: x -->\n')[0].problems[0].contains('lstudio command lines only')
    }
}
