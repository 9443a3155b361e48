package dev.lstudio.client

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** A folder's files as git would see them: .gitignore and .lstudioignore at every level, negation, .git left out. */
class LocalTreeSpec extends Specification {
    @TempDir
    Path dir

    void write(String path, String text = 'x') {
        Path p = dir.resolve(path)
        Files.createDirectories(p.parent)
        Files.write(p, text.bytes)
    }

    List<String> walked(boolean ignore = true) {
        LocalTree.walk(dir, ignore)*.relative()
    }

    def "ignore files at every level, the deepest deciding; negation re-includes; an excluded folder stays out"() {
        given:
        write('.gitignore', '*.log\nbuild/\ndata/*\n!data/keep.csv\n')
        write('a.py')
        write('run.log')
        write('build/out.bin')
        write('data/big.bin')
        write('data/keep.csv')
        write('src/.gitignore', '!important.log\ntmp\n')
        write('src/important.log')
        write('src/other.log')
        write('src/tmp/t.txt')
        write('src/main.py')
        write('.git/HEAD')
        write('.git/objects/ab')

        expect:
        walked() == ['.gitignore', 'a.py', 'data/keep.csv', 'src/.gitignore', 'src/important.log', 'src/main.py']
    }

    def ".lstudioignore adds rules after .gitignore in the same folder, so it can exclude more or re-include"() {
        given:
        write('.gitignore', '*.ckpt\n')
        write('.lstudioignore', 'notebooks/\n!best.ckpt\n')
        write('last.ckpt')
        write('best.ckpt')
        write('notebooks/n.ipynb')
        write('train.py')

        expect:
        walked() == ['.gitignore', '.lstudioignore', 'best.ckpt', 'train.py']
    }

    def "'**' and rooted patterns follow git"() {
        given:
        write('.gitignore', '/top.txt\n**/cache/**\n')
        write('top.txt')
        write('sub/top.txt')
        write('a/b/cache/c.bin')

        expect:
        walked() == ['.gitignore', 'sub/top.txt']
    }

    def "with ignore files off, everything is walked, .git included"() {
        given:
        write('.gitignore', '*.log\n')
        write('run.log')
        write('.git/HEAD')

        expect:
        walked(false) == ['.git/HEAD', '.gitignore', 'run.log']
    }
}
