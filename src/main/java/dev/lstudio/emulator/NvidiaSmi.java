package dev.lstudio.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The {@code nvidia-smi} a GPU studio finds on its PATH: a shell script that prints the table,
 * {@code -L} and {@code --query-gpu=...} output a real driver prints for the machine's GPUs.
 */
final class NvidiaSmi {
    private static final String DRIVER = "550.54.15";
    private static final int C1 = 41;
    private static final int C2 = 24;
    private static final int C3 = 22;
    private static final int WIDE = C1 + C2 + C3 + 2;

    private NvidiaSmi() {
    }

    /** Writes (once) and returns the directory holding the machine's nvidia-smi. */
    static synchronized Path binDir(Path root, MachineCatalog.Machine machine) throws IOException {
        Path dir = root.resolve(machine.slug());
        Path script = dir.resolve("nvidia-smi");
        if (!Files.isExecutable(script)) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("nvidia-smi.tmp");
            Files.writeString(tmp, script(machine), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, script, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** A script for a CPU machine that answers the way a shell does when the command is missing. */
    static synchronized Path missingDir(Path root) throws IOException {
        Path dir = root.resolve("cpu");
        Path script = dir.resolve("nvidia-smi");
        if (!Files.isExecutable(script)) {
            Files.createDirectories(dir);
            Files.writeString(script, "#!/bin/sh\necho \"sh: 1: nvidia-smi: not found\" >&2\nexit 127\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    static String script(MachineCatalog.Machine m) {
        MachineCatalog.Gpu gpu = m.gpu();
        String uuidBase = UUID.nameUUIDFromBytes(m.slug().getBytes(StandardCharsets.UTF_8)).toString().substring(0, 23);
        return "#!/bin/sh\n"
                + "# nvidia-smi stand-in written by the lstudio emulator for a " + m.slug() + " studio.\n"
                + "mode=table; query=''; format=''\n"
                + "for arg in \"$@\"; do\n"
                + "  case \"$arg\" in\n"
                + "    -L|--list-gpus) mode=list ;;\n"
                + "    --query-gpu=*) mode=query; query=\"${arg#--query-gpu=}\" ;;\n"
                + "    --format=*) format=\"${arg#--format=}\" ;;\n"
                + "  esac\n"
                + "done\n"
                + "n=" + m.gpuCount() + "\n"
                + "if [ $mode = list ]; then\n"
                + "  i=0; while [ $i -lt $n ]; do\n"
                + "    echo \"GPU $i: " + gpu.model() + " (UUID: GPU-" + uuidBase + "-$(printf %012d $i))\"\n"
                + "    i=$((i+1)); done\n"
                + "  exit 0\n"
                + "fi\n"
                + "if [ $mode = query ]; then\n"
                + "  units=' MiB'; unitname=' [MiB]'\n"
                + "  case \",$format,\" in *,nounits,*) units=''; unitname='' ;; esac\n"
                + "  fields=$(echo \"$query\" | tr ',' ' ')\n"
                + "  case \",$format,\" in *,noheader,*) ;; *)\n"
                + "    line=''; for f in $fields; do\n"
                + "      case $f in memory.*) h=\"$f$unitname\" ;; *) h=$f ;; esac\n"
                + "      line=\"${line:+$line, }$h\"; done; echo \"$line\" ;; esac\n"
                + "  i=0; while [ $i -lt $n ]; do\n"
                + "    line=''\n"
                + "    for f in $fields; do\n"
                + "      case $f in\n"
                + "        name|gpu_name) v='" + gpu.model() + "' ;;\n"
                + "        index) v=$i ;;\n"
                + "        count) v=$n ;;\n"
                + "        memory.total) v=\"" + gpu.memoryMiB() + "$units\" ;;\n"
                + "        memory.used) v=\"1$units\" ;;\n"
                + "        memory.free) v=\"" + (gpu.memoryMiB() - 1) + "$units\" ;;\n"
                + "        utilization.gpu) v='0 %' ;;\n"
                + "        driver_version) v=" + DRIVER + " ;;\n"
                + "        uuid|gpu_uuid) v=\"GPU-" + uuidBase + "-$(printf %012d $i)\" ;;\n"
                + "        *) echo \"Field \\\"$f\\\" is not a valid field to query.\" >&2; exit 2 ;;\n"
                + "      esac\n"
                + "      line=\"${line:+$line, }$v\"\n"
                + "    done\n"
                + "    echo \"$line\"; i=$((i+1))\n"
                + "  done\n"
                + "  exit 0\n"
                + "fi\n"
                + "date '+%a %b %e %H:%M:%S %Y'\n"
                + "cat <<'TABLE'\n"
                + table(m)
                + "TABLE\n";
    }

    static String table(MachineCatalog.Machine m) {
        MachineCatalog.Gpu gpu = m.gpu();
        String rule = "+" + "-".repeat(C1) + "+" + "-".repeat(C2) + "+" + "-".repeat(C3) + "+\n";
        StringBuilder t = new StringBuilder();
        t.append("+").append("-".repeat(WIDE)).append("+\n");
        t.append(line(String.format(" %-34s%-31s%-23s", "NVIDIA-SMI " + DRIVER, "Driver Version: " + DRIVER,
                "CUDA Version: 12.4"), WIDE));
        t.append("|").append("-".repeat(C1)).append("+").append("-".repeat(C2)).append("+")
                .append("-".repeat(C3)).append("+\n");
        t.append(row(" GPU  Name                 Persistence-M", String.format("%23s ", "Bus-Id          Disp.A"),
                " Volatile Uncorr. ECC "));
        t.append(row(" Fan  Temp   Perf          Pwr:Usage/Cap", String.format("%23s ", "Memory-Usage"),
                " GPU-Util  Compute M. "));
        t.append(row("", "", String.format("%21s ", "MIG M.")));
        t.append("|").append("=".repeat(C1)).append("+").append("=".repeat(C2)).append("+")
                .append("=".repeat(C3)).append("|\n");
        for (int i = 0; i < m.gpuCount(); i++) {
            String name = gpu.model().length() > 28 ? gpu.model().substring(0, 25) + "..." : gpu.model();
            t.append(row(String.format("%4d  %-28s%5s  ", i, name, "On"),
                    String.format("%19s Off ", String.format("00000000:%02X:00.0", 0x18 + i * 0x10)),
                    String.format("%21s ", "0")));
            String power = (gpu.capWatts() / 10) + "W / " + String.format("%4dW", gpu.capWatts());
            t.append(row(String.format(" N/A   %2dC    P0 %23s ", 30 + (i * 3) % 7, power),
                    String.format(" %22s ", "1MiB / " + String.format("%6dMiB", gpu.memoryMiB())),
                    String.format("%8s %12s ", "0%", "Default")));
            t.append(row("", "", String.format("%21s ", "Disabled")));
            t.append(rule);
        }
        t.append(" ".repeat(WIDE + 2)).append("\n");
        t.append("+").append("-".repeat(WIDE)).append("+\n");
        t.append(line(" Processes:", WIDE));
        t.append(line(spread("  GPU   GI   CI        PID   Type   Process name", "GPU Memory ", WIDE), WIDE));
        t.append(line(spread("        ID   ID", "Usage      ", WIDE), WIDE));
        t.append("|").append("=".repeat(WIDE)).append("|\n");
        t.append(line("  No running processes found", WIDE));
        t.append("+").append("-".repeat(WIDE)).append("+\n");
        return t.toString();
    }

    private static String row(String c1, String c2, String c3) {
        return "|" + pad(c1, C1) + "|" + pad(c2, C2) + "|" + pad(c3, C3) + "|\n";
    }

    private static String line(String text, int width) {
        return "|" + pad(text, width) + "|\n";
    }

    private static String spread(String left, String right, int width) {
        return left + " ".repeat(Math.max(1, width - left.length() - right.length())) + right;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : s + " ".repeat(width - s.length());
    }
}
