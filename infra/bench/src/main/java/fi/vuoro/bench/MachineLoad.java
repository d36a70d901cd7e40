package fi.vuoro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was while a benchmark ran, from Linux's /proc: the share of all cores' time that was
 * busy, and how much of it was this benchmark's own (this JVM and the child JVMs it waited for). On a shared
 * machine the rest was someone else's work, and the figures are worth less.
 */
record MachineLoad(long busy, long total, long own) {

    static MachineLoad now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command name: state is field 3, utime..cstime are fields 14..17 (1-based)
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
            return new MachineLoad(total - idle, total, own);
        } catch (IOException | RuntimeException e) {
            return new MachineLoad(-1, -1, -1);
        }
    }

    String since(MachineLoad before) {
        long total = this.total - before.total;
        if (before.total < 0 || total <= 0) {
            return "CPU use: not available on this system";
        }
        double busyShare = 100.0 * (busy - before.busy) / total;
        double ownShare = Math.min(busyShare, 100.0 * (own - before.own) / total);
        return String.format(Locale.ROOT, "CPU over all cores while it ran: %.0f%% busy, %.0f%% of it this benchmark, "
                + "%.0f%% other processes; load average now %s", busyShare, ownShare, busyShare - ownShare, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
