package dev.lstudio.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an API call was for, in words ("the stop request", "reading the status"), for the error
 * lines a person reads: the REST path, its ids and the gRPC code are for {@code --debug}
 * ({@link ApiException#technical()}), not for the last line of a cron log.
 */
final class CallNames {
    private record Name(String method, Pattern path, String words) {
    }

    private static final String ID = "[^/]+";
    private static final String STUDIO = "/v1/projects/" + ID + "/cloudspaces/" + ID;
    private static final String FILES = "/v1/projects/" + ID + "/artifacts/cloudspaces/" + ID;
    private static final List<Name> NAMES = List.of(
            name("GET", FILES + "/trees(/.*)?", "listing the Studio's files"),
            name("POST", FILES + "/blobs", "preparing the upload"),
            name("POST", FILES + "/blobs/complete", "completing the upload"),
            name("GET", FILES + "/blobs/.*", "downloading the file"),
            name("DELETE", FILES + "/blobs/.*", "removing the file"),
            name("DELETE", FILES + "/trees/.*", "removing the folder"),
            name("GET", "/v1/auth/(user|whoami)", "checking the credentials"),
            name("GET", "/v1/memberships", "listing teamspaces"),
            name("GET", "/v1/cloudspaces/plugins", "listing plugins"),
            name("GET", "/v1/projects/" + ID + "/cloudspaces", "listing Studios"),
            name("POST", "/v1/projects/" + ID + "/cloudspaces", "creating the Studio"),
            name("GET", "/v1/users/.*/getbyname", "looking up the Studio"),
            name("GET", STUDIO, "reading the Studio"),
            name("PUT", STUDIO, "updating the Studio"),
            name("DELETE", STUDIO, "deleting the Studio"),
            name("GET", STUDIO + "/codestatus", "reading the status"),
            name("POST", STUDIO + "/start", "the start request"),
            name("POST", STUDIO + "/stop", "the stop request"),
            name("POST", STUDIO + "/restart", "the restart request"),
            name("PUT", STUDIO + "/codeconfig", "the machine switch"),
            name("POST", STUDIO + "/switch-confirm", "confirming the machine switch"),
            name("POST", STUDIO + "/switch-cancel", "cancelling the machine switch"),
            name("PUT", STUDIO + "/sleepconfig", "the sleep settings"),
            name("PUT", STUDIO + "/fork", "the fork"),
            name("POST", STUDIO + "/keep-alive", "the keep-alive"),
            name("POST", STUDIO + "/execute", "running the command"),
            name("GET", STUDIO + "/execute/" + ID + "(/stream)?", "following the command"),
            name("POST", STUDIO + "/runs", "starting the job"),
            name("GET", "/v1/projects/" + ID + "/cloudspaces/" + ID + "/open-ports", "reading the open ports"),
            name("*", STUDIO + "/plugins(/.*)?", "the plugin request"),
            name("*", "/v1/projects/" + ID + "/endpoints(/.*)?", "the endpoint request"));

    private CallNames() {
    }

    private static Name name(String method, String path, String words) {
        return new Name(method, Pattern.compile(path), words);
    }

    /** e.g. "the stop request" for {@code POST /v1/projects/p/cloudspaces/s/stop}; "the request" for a path not known. */
    static String of(String method, String path) {
        for (Name n : NAMES) {
            if ((n.method().equals("*") || n.method().equals(method)) && n.path().matcher(path).matches()) {
                return n.words();
            }
        }
        return "the " + method + " request";
    }
}
