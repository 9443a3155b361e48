package dev.lstudio.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Remote paths as the artifacts API takes them: relative to the content root, {@code /} between
 * names, no leading {@code /}. A leading {@code /} is taken off, so is the root itself in front
 * ({@code /teamspace/studios/this_studio/x} is {@code x}); {@code .} segments and doubled slashes
 * go; {@code ..} and other absolute paths (outside the root) are refused, saying what to give.
 */
final class RemotePaths {
    private static final String ROOT = StudioFiles.CONTENT_ROOT;

    private RemotePaths() {
    }

    /** The root-relative form of {@code given} ("" for the root); a trailing {@code /} is dropped. */
    static String normalize(String given, String studio) {
        String path = given == null ? "" : given.strip().replace('\\', '/');
        boolean absolute = path.startsWith("/");
        if (path.equals(ROOT) || path.startsWith(ROOT + "/")) {
            path = path.substring(ROOT.length());
        } else if (absolute && looksSystemWide(path)) {
            throw refused(given, studio, "is outside the Studio's files (" + ROOT + ")");
        }
        List<String> names = new ArrayList<>();
        for (String name : path.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                throw refused(given, studio, "climbs out of the Studio's files with '..'");
            }
            names.add(name);
        }
        return String.join("/", names);
    }

    /** Whether {@code given} names a folder by its form: blank, the root, or ending in {@code /}. */
    static boolean folderForm(String given) {
        String path = given == null ? "" : given.strip();
        return path.isEmpty() || path.endsWith("/") || path.equals(".") || path.equals(ROOT);
    }

    /** {@code folder/name}, or {@code name} at the root. */
    static String join(String folder, String name) {
        return folder.isEmpty() ? name : name.isEmpty() ? folder : folder + "/" + name;
    }

    /** The folder that holds {@code path} ("" for the root). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last name of {@code path}. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * An absolute path under the machine's own folders (/teamspace/..., /home, /etc...) cannot be in
     * the Studio's files; any other leading {@code /} is taken as meaning the root, as the SDK does.
     */
    private static boolean looksSystemWide(String path) {
        String first = path.substring(1).split("/", 2)[0];
        return List.of("teamspace", "home", "root", "etc", "tmp", "usr", "var", "opt", "mnt", "proc", "sys", "dev",
                "bin", "lib", "srv", "run").contains(first);
    }

    private static FileTransferException refused(String given, String studio, String why) {
        return new FileTransferException(Failure.REFUSED_VALUE, given, "the path '" + given + "' " + why
                + "; give a path relative to " + ROOT + ", e.g. " + studio + ":data/train.csv", null);
    }
}
