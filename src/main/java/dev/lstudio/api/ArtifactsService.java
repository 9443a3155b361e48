package dev.lstudio.api;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * A Studio's files, the live artifacts API (notes/files-wire.md). {@code path} is root-relative,
 * each segment already percent-encoded ({@link LightningApi} does it), hence {@code encoded = true}:
 * its slashes must stay slashes. Only these calls reach the API; the bytes go to storage.
 */
interface ArtifactsService {
    String BASE = "v1/projects/{projectId}/artifacts/cloudspaces/{cloudspaceId}/";

    @RetrySafe
    @GET(BASE + "trees/{path}")
    Call<ArtifactTree> tree(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                            @Path(value = "path", encoded = true) String path, @Query("clusterId") String clusterId,
                            @Query("recursive") Boolean recursive, @Query("cursor") String cursor);

    /** Safe to resend: a lost answer's upload id is only abandoned, and storage drops abandoned uploads. */
    @RetrySafe
    @POST(BASE + "blobs")
    Call<SignedBlobs> sign(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                           @Body SignBlobsRequest body);

    @RetrySafe
    @POST(BASE + "blobs/complete")
    Call<Void> complete(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                        @Body CompleteBlobsRequest body);

    @RetrySafe
    @DELETE(BASE + "blobs/{path}")
    Call<Void> deleteBlob(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                          @Path(value = "path", encoded = true) String path, @Query("clusterId") String clusterId);

    @RetrySafe
    @DELETE(BASE + "trees/{path}")
    Call<Void> deleteTree(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                          @Path(value = "path", encoded = true) String path, @Query("clusterId") String clusterId);

    /**
     * Answered by a redirect to storage (live), or the bytes themselves. Sent by a client that does
     * not follow redirects: the API's credentials must not go to storage, and the presigned
     * Location must not reach the debug log unmasked.
     */
    @RetrySafe
    @Streaming
    @GET(BASE + "blobs/{path}")
    Call<ResponseBody> open(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId,
                            @Path(value = "path", encoded = true) String path, @Query("clusterId") String clusterId,
                            @Header("Range") String range);
}
