/** Models, domain: the catalog of models people may choose, as last published by the worker; JDK only. */
package io.chatstream.query.models.domain;
