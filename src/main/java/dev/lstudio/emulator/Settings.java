package dev.lstudio.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How an emulator was configured; built and checked by {@link Emulator.Builder}. */
record Settings(int port, Path stateDir, String userId, String apiKey, String username, List<String> teamspaces,
                Duration startDelay, Duration stopDelay, Duration switchDelay, Duration forkDelay,
                Duration detachAfter, Duration tick, List<Faults.Rule> faults, long seed, boolean strict,
                boolean teammate, double timeScale, Duration urlTtl, int listPageSize) {
    @Override
    public String toString() {
        return "Settings[port=" + port + ", stateDir=" + stateDir + ", userId=" + userId + ", username=" + username
                + ", teamspaces=" + teamspaces + ", strict=" + strict + ", teammate=" + teammate
                + ", timeScale=" + timeScale + ", urlTtl=" + urlTtl + ", listPageSize=" + listPageSize + "]";
    }
}
