package dev.lstudio.api;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * Every endpoint of the Studios reference, one method each. Paths are relative to the base
 * URL (which ends in '/'). {@link RetrySafe} marks the calls that may be sent twice.
 * Callers use {@link LightningApi}, which hides {@code Call} and maps errors.
 */
interface StudiosService {

    @RetrySafe
    @GET("v1/memberships")
    Call<Memberships> memberships(@Query("filterByUserId") Boolean filterByUserId);

    @RetrySafe
    @GET("v1/auth/user")
    Call<AuthUser> currentUser();

    @RetrySafe
    @GET("v1/auth/whoami")
    Call<AuthUser> whoami();

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces")
    Call<CloudSpacePage> listCloudspaces(
            @Path("projectId") String projectId,
            @Query("userId") String userId,
            @Query("name") String name,
            @Query("clusterId") String clusterId,
            @Query("pageToken") String pageToken,
            @Query("limit") Integer limit,
            @Query("activeOnly") Boolean activeOnly,
            @Query("isFavorite") Boolean isFavorite);

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces/{id}")
    Call<CloudSpace> getCloudspace(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @GET("v1/users/{userName}/projects/{projectName}/cloudspaces/{cloudspaceName}/getbyname")
    Call<CloudSpaceByName> getCloudspaceByName(
            @Path("userName") String userName,
            @Path("projectName") String projectName,
            @Path("cloudspaceName") String cloudspaceName);

    @POST("v1/projects/{projectId}/cloudspaces")
    Call<CloudSpace> createCloudspace(@Path("projectId") String projectId, @Body CreateCloudSpaceRequest body);

    @POST("v1/projects/{projectId}/cloudspaces/{cloudspaceId}/runs")
    Call<LightningRun> createRun(
            @Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId, @Body CreateRunRequest body);

    @RetrySafe
    @POST("v1/projects/{projectId}/cloudspaces/{id}/start")
    Call<Void> start(@Path("projectId") String projectId, @Path("id") String id, @Body ComputeRequest body);

    @RetrySafe
    @POST("v1/projects/{projectId}/cloudspaces/{id}/stop")
    Call<Void> stop(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces/{id}/codestatus")
    Call<CodeStatus> codeStatus(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @PUT("v1/projects/{projectId}/cloudspaces/{id}/codeconfig")
    Call<Void> switchMachine(@Path("projectId") String projectId, @Path("id") String id, @Body ComputeRequest body);

    @RetrySafe
    @POST("v1/projects/{projectId}/cloudspaces/{id}/switch-confirm")
    Call<Void> confirmSwitch(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @POST("v1/projects/{projectId}/cloudspaces/{id}/switch-cancel")
    Call<Void> cancelSwitch(@Path("projectId") String projectId, @Path("id") String id);

    @POST("v1/projects/{projectId}/cloudspaces/{id}/execute")
    Call<ExecuteResult> execute(@Path("projectId") String projectId, @Path("id") String id, @Body ExecuteRequest body);

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces/{id}/execute/{session}")
    Call<ExecuteResult> executeOutput(
            @Path("projectId") String projectId, @Path("id") String id, @Path("session") String session);

    /** Not retried here: a broken stream is resumed by polling {@link #executeOutput}. */
    @Streaming
    @GET("v1/projects/{projectId}/cloudspaces/{id}/execute/{session}/stream")
    Call<ResponseBody> executeStream(
            @Path("projectId") String projectId, @Path("id") String id, @Path("session") String session);

    @RetrySafe
    @DELETE("v1/projects/{projectId}/cloudspaces/{id}")
    Call<Void> deleteCloudspace(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @PUT("v1/projects/{projectId}/cloudspaces/{id}")
    Call<CloudSpace> updateCloudspace(
            @Path("projectId") String projectId, @Path("id") String id, @Body UpdateCloudSpaceRequest body);

    @RetrySafe
    @PUT("v1/projects/{projectId}/cloudspaces/{id}/sleepconfig")
    Call<Void> sleepConfig(
            @Path("projectId") String projectId, @Path("id") String id, @Body SleepConfigRequest body);

    /** A PUT that creates a Studio: sending it twice could make two copies. */
    @PUT("v1/projects/{projectId}/cloudspaces/{id}/fork")
    Call<CloudSpace> fork(@Path("projectId") String projectId, @Path("id") String id, @Body ForkRequest body);

    @RetrySafe
    @POST("v1/projects/{projectId}/cloudspaces/{id}/restart")
    Call<Void> restart(@Path("projectId") String projectId, @Path("id") String id);

    /** Not resent: the next beat, a period later, is the retry; resends would only delay noticing. */
    @POST("v1/projects/{projectId}/cloudspaces/{id}/keep-alive")
    Call<Void> keepAlive(@Path("projectId") String projectId, @Path("id") String id, @Body java.util.Map<String, Object> empty);

    @RetrySafe
    @GET("v1/cloudspaces/plugins")
    Call<PluginList> availablePlugins();

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces/{id}/plugins")
    Call<PluginList> installedPlugins(@Path("projectId") String projectId, @Path("id") String id);

    @POST("v1/projects/{projectId}/cloudspaces/{id}/plugins/{pluginId}")
    Call<Plugin> installPlugin(
            @Path("projectId") String projectId, @Path("id") String id, @Path("pluginId") String pluginId);

    @RetrySafe
    @DELETE("v1/projects/{projectId}/cloudspaces/{id}/plugins/{pluginId}")
    Call<Plugin> uninstallPlugin(
            @Path("projectId") String projectId, @Path("id") String id, @Path("pluginId") String pluginId);

    @POST("v1/projects/{projectId}/cloudspaces/{id}/plugins/{pluginId}/execute")
    Call<Plugin> executePlugin(
            @Path("projectId") String projectId, @Path("id") String id, @Path("pluginId") String pluginId);

    @POST("v1/projects/{projectId}/endpoints")
    Call<Endpoint> addEndpoint(@Path("projectId") String projectId, @Body AddEndpointRequest body);

    @RetrySafe
    @GET("v1/projects/{projectId}/endpoints")
    Call<EndpointList> endpoints(@Path("projectId") String projectId, @Query("cloudspaceId") String cloudspaceId);

    @RetrySafe
    @DELETE("v1/projects/{projectId}/endpoints/{id}")
    Call<Void> deleteEndpoint(@Path("projectId") String projectId, @Path("id") String id);

    @RetrySafe
    @GET("v1/projects/{projectId}/cloudspaces/{cloudspaceId}/open-ports")
    Call<OpenPorts> openPorts(@Path("projectId") String projectId, @Path("cloudspaceId") String cloudspaceId);
}
