package io.github.ticdcfake.internal.http;

/**
 * A step of the pipeline's synchronous half (gates, route, error mapping): a request in, a complete
 * answer out, or a thrown failure for {@link ErrorMapper} to render.
 */
@FunctionalInterface
interface Responder {
  Response answer(Request request);
}
