/** The ChatQueryService gRPC endpoint the routes call: StreamAnswer (ownership wait, flow-controlled chunk sink) and
 *  the two history methods, every result and failure written to the call's observer. */
package io.chatstream.query.streaming.interfaces;
