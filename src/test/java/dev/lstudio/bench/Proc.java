package dev.lstudio.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, timing it from start to exit; output goes to files, not pipes. */
final class Proc {
    private static final File TIME = new File("/usr/bin/time");

    /** {@code maxRssKib} is NaN unless asked for (GNU time's %M: the largest resident set of the process tree). */
    record Result(int exit, double millis, String out, String err, double maxRssKib) {
        boolean ok() {
            return exit == 0;
        }

        String tail() {
            String text = (err + "\n" + out).strip();
            return text.length() > 600 ? text.substring(text.length() - 600) : text;
        }
    }

    private Proc() {
    }

    static Result run(List<String> command, Map<String, String> env, Path work, Duration timeout) {
        return run(command, env, work, timeout, false);
    }

    static boolean canMeasureRss() {
        return TIME.canExecute();
    }

    static Result run(List<String> command, Map<String, String> env, Path work, Duration timeout, boolean rss) {
        try {
            Files.createDirectories(work);
            Path out = Files.createTempFile(work, "out", ".txt");
            Path err = Files.createTempFile(work, "err", ".txt");
            Path time = Files.createTempFile(work, "rss", ".txt");
            List<String> full = new ArrayList<>();
            if (rss && canMeasureRss()) {
                full.addAll(List.of(TIME.getPath(), "-f", "%M", "-o", time.toString()));
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            double millis = (System.nanoTime() - t0) / 1e6;
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
            String rssText = Files.readString(time).strip();
            double kib = rssText.matches("\\d+") ? Double.parseDouble(rssText) : Double.NaN;
            Result r = new Result(done ? p.exitValue() : -1, millis, Files.readString(out), Files.readString(err), kib);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(time);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
