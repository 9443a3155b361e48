package dev.lstudio.client;

import dev.lstudio.api.LightningApi;

/** The Studio a transfer is about, and what its parts share: the API, the ids, the name people read, the retries. */
record StudioRef(LightningApi api, String projectId, String studioId, String clusterId, String name, TransferRetry retry) {
    RemoteListing listing() {
        return new RemoteListing(api, projectId, studioId, clusterId);
    }

    Checksums checksums(TransferOptions options) {
        return Checksums.of(options.checksums(), projectId, studioId);
    }

    FileTransferException gone(String path, String what) {
        return new FileTransferException(Failure.GONE, path, "no " + what + " '" + path + "' in studio '" + name
                + "'; lstudio ls " + name + ":" + RemotePaths.parent(path) + " shows what is there", null);
    }
}
