/** Projection use cases: an event becomes request ownership, messages and session activity; the read-model rebuild.
 *  No framework here: the read-model ports are history's and streaming's, the projection log and store are ports here. */
package io.chatstream.query.projection.application;
