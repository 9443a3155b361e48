package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The answer to {@link SignBlobsRequest}: one result per blob asked for. */
public record SignedBlobs(List<Result> results) {
    public SignedBlobs {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public record Result(String path,
                         @JsonProperty("upload_id") String uploadId,
                         List<Url> urls,
                         @JsonProperty("complete_required") Boolean completeRequired) {
        public Result {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }

        public boolean mustComplete() {
            return Boolean.TRUE.equals(completeRequired);
        }
    }

    /**
     * A presigned URL and the headers to send with it. Its query is the signature, as good as a
     * password until it expires: {@link #toString()} leaves it out, so no message or log can show it.
     */
    public record Url(String url, @JsonProperty("part_number") Integer partNumber, Map<String, String> headers) {
        public Url {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Url[" + StorageUrls.redact(url) + ", part " + partNumber + "]";
        }
    }
}
