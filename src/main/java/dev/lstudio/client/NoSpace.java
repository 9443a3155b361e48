package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** The local disk is full: said as such, with the folder and the size, instead of a bare IOException. */
final class NoSpace {
    private NoSpace() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null && m.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    static FileTransferException failure(Path target, long size, Throwable cause) {
        Path folder = target.toAbsolutePath().getParent();
        return new FileTransferException(Failure.REFUSED_VALUE, target.toString(), "no space left on the disk of "
                + folder + " for '" + target.getFileName() + "' (" + size + " bytes); free some space there or download"
                + " to another folder", cause);
    }
}
