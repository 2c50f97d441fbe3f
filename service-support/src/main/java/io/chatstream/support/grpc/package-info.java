/** How the command and query services answer a gRPC call: one reply pattern, rejections as values. */
package io.chatstream.support.grpc;
