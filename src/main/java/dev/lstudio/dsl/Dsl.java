package dev.lstudio.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The DSL's operations for Java callers (and JShell): the same things a script does with
 * closures, with {@link Callable}, {@link Runnable} and {@link Consumer} instead. The Groovy
 * script base class delegates here, so both faces behave alike.
 *
 * <pre>{@code
 * Dsl dsl = Dsl.create(DslContext.system());
 * String out = dsl.retry(RetryPolicy.times(3).backoff(Duration.ofSeconds(2)), () -> fetch());
 * List<Integer> sizes = dsl.parallel(List.of("a", "b"), 8, name -> name.length());
 * }</pre>
 */
public final class Dsl {
    private final DslContext context;

    private Dsl(DslContext context) {
        this.context = context;
    }

    public static Dsl create(DslContext context) {
        return new Dsl(Objects.requireNonNull(context, "context"));
    }

    /** A body run for one item of {@link #parallel(Collection, int, Body)}. */
    @FunctionalInterface
    public interface Body<T, R> {
        R apply(T item) throws Exception;
    }

    public DslContext context() {
        return context;
    }

    public List<String> args() {
        return context.args();
    }

    /** The variable's value; fails with a message naming the variable when it is not set. */
    public String env(String name) {
        String value = context.env().get(name);
        if (value == null) {
            throw new DslException("environment variable " + name + " is not set; set it, or use env('"
                    + name + "', 'default') in the script");
        }
        return value;
    }

    public String env(String name, String fallback) {
        return context.env().getOrDefault(name, fallback);
    }

    public void log(Object message) {
        context.output().log(String.valueOf(message));
    }

    /** Writes the value as one JSON line to the results stream (stdout). */
    public void json(Object value) {
        String line = JsonLines.write(value);
        var out = context.output().out();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    public <T, R> List<R> parallel(Collection<? extends T> items, int maxConcurrent, Body<? super T, ? extends R> body)
            throws InterruptedException {
        return Parallel.run(new ArrayList<T>(items), maxConcurrent, body, context.output()::log);
    }

    public <T> void parallel(Collection<? extends T> items, int maxConcurrent, Consumer<? super T> body)
            throws InterruptedException {
        parallel(items, maxConcurrent, (Body<T, Object>) item -> {
            body.accept(item);
            return null;
        });
    }

    public <T> T retry(int times, Callable<T> block) throws Exception {
        return retry(RetryPolicy.times(times), block);
    }

    public <T> T retry(RetryPolicy policy, Callable<T> block) throws Exception {
        return Retry.run(policy, block, context.sleeper(), context.random(), context.output()::log);
    }

    public void retry(RetryPolicy policy, Runnable block) throws InterruptedException {
        unchecked(() -> retry(policy, () -> {
            block.run();
            return null;
        }));
    }

    public void retry(int times, Runnable block) throws InterruptedException {
        retry(RetryPolicy.times(times), block);
    }

    public <T> T timeout(Duration limit, Callable<T> block) throws Exception {
        return Timeout.run(limit, block);
    }

    public void timeout(Duration limit, Runnable block) throws InterruptedException {
        unchecked(() -> Timeout.run(limit, () -> {
            block.run();
            return null;
        }));
    }

    /** Registers an action that runs at exit, on failure and on interrupt (newest first). */
    public Teardown.Action teardown(String description, Runnable action) {
        return context.teardown().add(description, action);
    }

    /** Leaves what guarded teardown actions protect (started studios) running at exit. */
    public void keepRunning() {
        context.teardown().keepRunning();
        log("keepRunning(): guarded resources will be left running at exit");
    }

    /** Runnable bodies cannot throw checked exceptions; only our own waits can (interruption). */
    private static void unchecked(Callable<?> call) throws InterruptedException {
        try {
            call.call();
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new DslException(e.getMessage(), e);
        }
    }
}
