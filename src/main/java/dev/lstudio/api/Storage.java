package dev.lstudio.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The requests to presigned storage URLs: a PUT of a file's region and a GET from an offset. The
 * client has no credentials and no retry (see {@link Http#storage}); nothing here is resent, the
 * client re-signs and sends again. Messages never hold the URL's query (its signature).
 */
final class Storage {
    private static final Pattern S3_CODE = Pattern.compile("<Code>(.*?)</Code>", Pattern.DOTALL);
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);

    private final OkHttpClient client;
    private final Credentials credentials;

    Storage(OkHttpClient client, Credentials credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    /** PUTs the region with the URL's headers; returns the ETag storage gave (null when it gave none). */
    String put(String url, Map<String, String> headers, Path file, long offset, long length, LongConsumer progress) {
        Request.Builder request = new Request.Builder().url(parse(url))
                .put(new FileRegionBody(file, offset, length, progress));
        headers.forEach(request::header);
        try (Response response = execute(request.build(), "sending the bytes")) {
            if (!response.isSuccessful()) {
                throw refused("sending the bytes", response);
            }
            return response.header("ETag");
        }
    }

    /** GETs the URL from {@code from} ({@code Range: bytes=N-} when above 0); the caller closes the download. */
    BlobDownload get(HttpUrl url, long from) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        Response response = execute(request.build(), "downloading the bytes");
        if (!response.isSuccessful()) {
            try (response) {
                throw refused("downloading the bytes", response);
            }
        }
        return download(response.code(), response.header("Content-Range"), response.body());
    }

    static BlobDownload download(int status, String contentRange, ResponseBody body) {
        long length = body == null ? -1 : body.contentLength();
        return new BlobDownload(status, length, contentRange,
                body == null ? java.io.InputStream.nullInputStream() : body.byteStream());
    }

    private Response execute(Request request, String what) {
        try {
            return client.newCall(request).execute();
        } catch (IOException e) {
            String reason = StorageUrls.scrub(credentials.redact(String.valueOf(e.getMessage())));
            throw new NetworkException(what + " to storage at " + request.url().host()
                    + " failed (" + reason + "); check your network and try again", e);
        }
    }

    private StorageException refused(String what, Response response) {
        String text = text(response);
        String quoted = text.isEmpty() ? "" : ": " + text;
        return new StorageException(what + " to storage failed (HTTP " + response.code() + ")" + quoted
                + "; " + hint(response.code()), response.code(), text);
    }

    /** Storage's words: S3's XML error reduced to its code and message, anything else shortened. */
    private String text(Response response) {
        String body;
        try (ResponseBody b = response.body()) {
            body = b == null ? "" : b.string();
        } catch (IOException e) {
            body = "";
        }
        Matcher message = S3_MESSAGE.matcher(body);
        Matcher code = S3_CODE.matcher(body);
        String text = message.find() ? (code.find() ? code.group(1) + " " : "") + message.group(1)
                : body.isBlank() ? "" : Errors.describe(body);
        return StorageUrls.scrub(credentials.redact(text.strip()));
    }

    private static String hint(int status) {
        if (status == 401 || status == 403) {
            return "the signed URL was refused (it may have expired); try again";
        }
        if (status == 429 || status >= 500) {
            return "storage is busy or failing; try again in a minute";
        }
        return "storage refused the request; report it if it persists";
    }

    private static HttpUrl parse(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new StorageException("the service gave a signed URL that is not an http(s) URL ("
                    + StorageUrls.redact(url) + "); report it", 0, null);
        }
        return parsed;
    }
}
