package dev.lstudio.soak;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One script run of the soak: {@code lstudio run --no-lock soak.groovy NAME TOKEN} as its own
 * process, killed part-way with SIGTERM or SIGKILL when its fate says so.
 */
final class SoakRun {
    /** What the soak does to the run while it goes. */
    enum Fate { LEFT_ALONE, SIGTERM, SIGKILL }

    /** What came of it: exit status, stderr, and whether the signal reached it before it ended. */
    record Result(int index, String studio, String token, Fate fate, int exit, String stderr, boolean signalled) {
        /** The exit status a signal leaves: 143 after teardown for SIGTERM, 137 for SIGKILL. */
        boolean endedBySignal() {
            return signalled && (fate == Fate.SIGTERM ? exit == 143 : fate == Fate.SIGKILL && exit == 137);
        }
    }

    private SoakRun() {
    }

    static Result run(int index, Fate fate, long killAfterMillis, List<String> lstudio, Path script, Path work,
                      Map<String, String> env) throws IOException, InterruptedException {
        String studio = "soak-" + index;
        String token = "token-" + index + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Path err = work.resolve(studio + ".err");
        List<String> command = new java.util.ArrayList<>(lstudio);
        command.addAll(List.of("run", "--no-lock", script.toString(), studio, token));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.resolve(studio + ".out").toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean signalled = false;
        if (fate != Fate.LEFT_ALONE && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            signalled = true;
            if (fate == Fate.SIGTERM) {
                p.destroy();
            } else {
                p.destroyForcibly();
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(studio + ": the run did not end within 5 minutes");
        }
        return new Result(index, studio, token, fate, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), signalled);
    }
}
