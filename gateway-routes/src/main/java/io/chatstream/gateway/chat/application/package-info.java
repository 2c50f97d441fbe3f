/** Use cases of chatting: sending a prompt into a new or an existing session, stopping its answer. */
package io.chatstream.gateway.chat.application;
