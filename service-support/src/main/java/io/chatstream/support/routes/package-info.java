/** Live route reloading that keeps the running route when an edit is broken, and ops route-file overrides. */
package io.chatstream.support.routes;
