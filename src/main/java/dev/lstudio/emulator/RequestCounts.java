package dev.lstudio.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many API requests arrived, by method and path, for the admin API: tests and the benchmark
 * count the calls a client makes (e.g. while it waits for a studio) without a proxy in between.
 */
final class RequestCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String method, String path) {
        counts.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
    }

    Map<String, Object> snapshot() {
        Map<String, Long> byRequest = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            long n = e.getValue().sum();
            byRequest.put(e.getKey(), n);
            total += n;
        }
        return Map.of("total", total, "requests", byRequest);
    }

    void clear() {
        counts.clear();
    }
}
