package dev.lstudio.client;

import dev.lstudio.api.LightningApi;
import java.util.function.Consumer;

/** What every part of the client shares: the API, the options, the one waiter, the warning sink. */
record Context(LightningApi api, ClientOptions options, Waiter waiter, Consumer<String> warn) {
}
