package dev.lstudio.dsl;

import dev.lstudio.client.Dirs;
import dev.lstudio.client.RemoteFile;
import dev.lstudio.client.Studio;
import dev.lstudio.client.TransferOptions;
import dev.lstudio.client.TransferReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The file verbs of a studio ({@code upload}, {@code download}, {@code files}, {@code remove}),
 * which {@link StudioHandle} hands on to one line each. Files are the Studio's drive, there
 * whether it runs or not, so none of them needs it running, holds keep-alive or starts anything:
 * code sent before {@code start} costs no GPU time. Relative local paths resolve against the
 * runner's working directory ({@link DslContext#workingDir()}); what the transfer does, and the
 * errors it names, are the client's ({@link dev.lstudio.client.StudioFiles}).
 */
final class FileVerbs {
    private final RunState session;
    private final Studio studio;

    FileVerbs(RunState session, Studio studio) {
        this.session = session;
        this.studio = studio;
    }

    /** {@code upload 'train.py'}; {@code upload 'src/', to: 'project/src', parallel: 4, skipSame: false, ignore: false}. */
    Transferred upload(Map<String, ?> options, Object local) {
        Options.check("upload", options, "to", "parallel", "skipSame", "ignore");
        String given = given("upload", local, "a local file or folder, e.g. upload 'train.py'");
        Path path = local(given);
        if (!Files.exists(path)) {
            // before any call: a typo must not cost a listing, let alone a half-done upload
            throw new DslException("upload: no file or folder '" + given + "' here (" + path
                    + "); check the path: relative paths start in " + session.context().workingDir());
        }
        String remote = Options.text("upload", options, "to", null);
        TransferOptions how = transferOptions("upload", options)
                .withIgnoreFiles(Options.flag("upload", options, "ignore", true));
        return transfer("upload " + given, "the files sent so far stay in the studio; run upload again for the rest",
                () -> studio.files().upload(path, remote, how));
    }

    /** {@code download 'out/metrics.json'}; {@code download 'checkpoints/', to: 'ckpt/'}. */
    Transferred download(Map<String, ?> options, Object remote) {
        Options.check("download", options, "to", "parallel", "skipSame");
        String from = given("download", remote, "a path in the studio, e.g. download 'out/metrics.json'");
        Object to = options.get("to");
        Path target = to == null ? session.context().workingDir() : local(to instanceof File || to instanceof Path
                ? to.toString() : Options.text("download", options, "to", null));
        if (to != null && (to.toString().endsWith("/") || to.toString().endsWith(File.separator))) {
            // 'ckpt/' says "into the folder ckpt": the client receives into a folder that exists
            makeFolder(target);
        }
        TransferOptions how = transferOptions("download", options);
        return transfer("download " + from, "no half-written file is left in place; run download again for the rest",
                () -> to == null ? studio.files().downloadInto(from, target, how) : studio.files().download(from, target, how));
    }

    /** {@code files()}, {@code files('out/')}, {@code files('out/', recursive: true)}. */
    List<StudioFile> files(Map<String, ?> options, Object folder) {
        Options.check("files", options, "recursive");
        boolean recursive = Options.flag("files", options, "recursive", false);
        String where = folder == null ? "" : folder.toString();
        List<RemoteFile> found = ClientCalls.call(() -> recursive ? studio.files().listAll(where) : studio.files().list(where));
        session.context().listed(studio.name(), where, found);
        return found.stream().map(StudioFile::new).toList();
    }

    /** {@code remove 'tmp/'}: a file, or a folder and all under it. */
    void remove(Object remote) {
        String path = given("remove", remote, "a path in the studio, e.g. remove 'tmp/'");
        ClientCalls.run(() -> studio.files().remove(path));
        session.context().output().log(studio.name() + ": removed " + path);
    }

    private TransferOptions transferOptions(String verb, Map<String, ?> options) {
        TransferOptions base = ClientCalls.call(() -> TransferOptions.from(session.context().env()));
        int parallel = Options.integer(verb, options, "parallel", base.parallel());
        if (parallel < 1) {
            throw new DslException(verb + ": parallel must be 1 or more, got " + parallel);
        }
        return base.withParallel(parallel)
                .withSkipSame(Options.flag(verb, options, "skipSame", true))
                .withChecksums(Dirs.from(session.context().env()).transfers())
                .withListener(session.context().transfers(studio.name()));
    }

    private Transferred transfer(String what, String ifAbandoned, java.util.concurrent.Callable<TransferReport> work) {
        try (InFlight.Call call = session.inFlight().begin(studio.name() + ": " + what, ifAbandoned)) {
            return new Transferred(ClientCalls.call(work));
        }
    }

    private Path local(String given) {
        try {
            return session.context().workingDir().resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw new DslException("'" + given + "' is not a path this machine can use: " + e.getReason());
        }
    }

    private static void makeFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DslException("download: cannot make the folder '" + folder + "' to receive into ("
                    + e.getClass().getSimpleName() + "); choose another with to:");
        }
    }

    private static String given(String verb, Object value, String example) {
        if (value == null || value.toString().isBlank()) {
            throw new DslException(verb + ": give " + example);
        }
        return value.toString().strip();
    }
}
