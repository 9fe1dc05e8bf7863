package io.github.ticdcfake.internal.http;

/**
 * A step of the request pipeline that may answer later or not at all (delays, stalls, dropped
 * connections): it hands the request to the next step or answers through {@link Request#send}.
 */
@FunctionalInterface
interface Stage {
  void handle(Request request);
}
