package dev.lstudio.emulator;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The TCP ports that a set of processes listens on, read from /proc (empty where there is none). */
final class OpenPorts {
    private static final String LISTEN = "0A";

    private OpenPorts() {
    }

    static Set<Integer> listening(List<ProcessHandle> processes) {
        Set<String> sockets = new HashSet<>();
        for (ProcessHandle p : processes) {
            Path fds = Path.of("/proc", String.valueOf(p.pid()), "fd");
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(fds)) {
                for (Path fd : dir) {
                    String target = readLink(fd);
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone meanwhile, or not ours to read
            }
        }
        Set<Integer> ports = new TreeSet<>();
        if (!sockets.isEmpty()) {
            scan(Path.of("/proc/net/tcp"), sockets, ports);
            scan(Path.of("/proc/net/tcp6"), sockets, ports);
        }
        return ports;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void scan(Path table, Set<String> sockets, Set<Integer> ports) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[3].equals(LISTEN) && sockets.contains(f[9])) {
                String local = f[1];
                ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
            }
        }
    }
}
