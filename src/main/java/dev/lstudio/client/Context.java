package dev.lstudio.client;

import dev.lstudio.api.LightningApi;
import java.util.function.Consumer;

/**
 * What every part of the client shares: the API, the options, the one waiter, the warning sink,
 * and whom to tell that a teamspace's list of Studios changed (the completion cache).
 */
record Context(LightningApi api, ClientOptions options, Waiter waiter, Consumer<String> warn,
               StudiosChanged studiosChanged) {
}
