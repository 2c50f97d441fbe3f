/** Models, application: the catalog of models people may choose, as the page reads it. */
package io.chatstream.query.models.application;
