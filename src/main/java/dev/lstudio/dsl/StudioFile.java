package dev.lstudio.dsl;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lstudio.client.RemoteFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of {@code files()}: the client's {@link RemoteFile} with getters, so that scripts
 * read {@code it.name} and {@code it.folder} as properties (Groovy sees a record's components,
 * not its other methods).
 */
public final class StudioFile {
    private final RemoteFile file;

    StudioFile(RemoteFile file) {
        this.file = file;
    }

    /** From the content root, with {@code /} between names: {@code out/metrics.json}. */
    public String getPath() {
        return file.path();
    }

    /** The last name of the path: {@code metrics.json}. */
    public String getName() {
        return file.name();
    }

    public boolean isFolder() {
        return file.folder();
    }

    /** Bytes; 0 for a folder. */
    public long getSize() {
        return file.size();
    }

    /** Null when the service gave none. */
    public Instant getLastModified() {
        return file.lastModified();
    }

    public RemoteFile unwrap() {
        return file;
    }

    @JsonValue
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", getPath());
        m.put("name", getName());
        m.put("folder", isFolder());
        m.put("size", getSize());
        m.put("lastModified", getLastModified() == null ? null : getLastModified().toString());
        return m;
    }

    @Override
    public String toString() {
        return file.path() + (file.folder() ? "/" : "");
    }
}
