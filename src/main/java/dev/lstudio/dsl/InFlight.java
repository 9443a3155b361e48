package dev.lstudio.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The long calls running now (an exec, a wait for a start), each with what the server goes on
 * doing if the caller stops waiting. The REPL reads it when Ctrl-C interrupts an evaluation, to
 * say whether the remote command goes on; a script run never looks at it.
 */
final class InFlight {
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Marks a call as running until the returned handle closes. */
    Call begin(String what, String ifAbandoned) {
        long id = ids.incrementAndGet();
        running.put(id, what + ": " + ifAbandoned);
        return () -> running.remove(id);
    }

    /** What would go on if the calls running now were abandoned, one line each. */
    List<String> now() {
        List<String> lines = new ArrayList<>();
        running.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> lines.add(e.getValue()));
        return lines;
    }

    /** One running call; closing it never throws. */
    interface Call extends AutoCloseable {
        @Override
        void close();
    }
}
