/** The views of the routes outside an API version, such as tiflow's root {@code GET /status}. */
package io.github.ticdcfake.internal.json.root;
