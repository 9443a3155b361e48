package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST .../blobs}: presigned URLs for uploads (snake_case, as the live service reads it).
 * Nulls are left out, so a single part sends only {@code path} (and {@code content_type}).
 */
public record SignBlobsRequest(List<Blob> blobs, @JsonProperty("cluster_id") String clusterId) {

    /** {@code parts}/{@code part_size} for a new multipart upload; {@code upload_id}/{@code part_numbers} to re-sign parts of one. */
    public record Blob(String path,
                       @JsonProperty("content_type") String contentType,
                       Integer parts,
                       @JsonProperty("part_size") Long partSize,
                       @JsonProperty("upload_id") String uploadId,
                       @JsonProperty("part_numbers") List<Integer> partNumbers) {
    }

    public static SignBlobsRequest single(String path, String clusterId) {
        return new SignBlobsRequest(List.of(new Blob(path, null, null, null, null, null)), clusterId);
    }

    public static SignBlobsRequest multipart(String path, int parts, long partSize, String clusterId) {
        return new SignBlobsRequest(List.of(new Blob(path, null, parts, partSize, null, null)), clusterId);
    }

    public static SignBlobsRequest resign(String path, String uploadId, List<Integer> partNumbers, String clusterId) {
        return new SignBlobsRequest(List.of(new Blob(path, null, null, null, uploadId, List.copyOf(partNumbers))), clusterId);
    }
}
