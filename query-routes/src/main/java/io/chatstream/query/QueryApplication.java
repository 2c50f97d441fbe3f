package io.chatstream.query;

import io.chatstream.query.projection.interfaces.RebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The query service: ConversationQueryContext (answer streams, read models, history). */
@SpringBootApplication
public class QueryApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(QueryApplication.class, args);
        if (!context.getBeansOfType(RebuildCommand.class).isEmpty()) {
            // A one-shot command, not the service: exit with its code.
            System.exit(SpringApplication.exit(context));
        }
    }
}
