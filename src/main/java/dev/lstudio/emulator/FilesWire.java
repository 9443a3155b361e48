package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The artifacts API's answers (notes/files-wire.md): the listing is camelCase, the upload answers
 * snake_case, as the live service sends them.
 */
final class FilesWire {
    private FilesWire() {
    }

    /** One listed entry; {@code path} is relative to the listed folder. */
    record Entry(String path, String type, long size, String clusterId, String lastModified) {
    }

    /** A page of a listing; {@code nextCursor} is empty on the last page. */
    record Tree(List<Entry> tree, String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignedUrl(String url, @JsonProperty("part_number") Integer partNumber, Map<String, String> headers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignResult(String path, @JsonProperty("upload_id") String uploadId, List<SignedUrl> urls,
                      @JsonProperty("complete_required") Boolean completeRequired) {
    }

    record SignAnswer(List<SignResult> results) {
    }
}
