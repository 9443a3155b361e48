package dev.lstudio.client;

import java.nio.file.Path;

/** One file of a transfer: where it is here, where it is in the Studio (root-relative), its size in bytes. */
public record FileTransfer(TransferDirection direction, Path local, String remote, long size) {
}
