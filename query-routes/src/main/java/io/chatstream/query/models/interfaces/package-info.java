/** Models, interfaces: the catalog records from Kafka. */
package io.chatstream.query.models.interfaces;
