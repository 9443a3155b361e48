package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST .../blobs/complete} (snake_case): the parts stored, by number, with the ETag storage gave each. */
public record CompleteBlobsRequest(List<Blob> blobs, @JsonProperty("cluster_id") String clusterId) {

    public record Blob(String path, @JsonProperty("upload_id") String uploadId, List<Part> parts) {
    }

    public record Part(@JsonProperty("part_number") int partNumber, String etag) {
    }

    public static CompleteBlobsRequest of(String path, String uploadId, List<Part> parts, String clusterId) {
        return new CompleteBlobsRequest(List.of(new Blob(path, uploadId, parts == null ? null : List.copyOf(parts))), clusterId);
    }
}
