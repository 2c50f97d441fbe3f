package io.chatstream.query.projection.interfaces;

import io.chatstream.query.projection.application.RebuildResult;
import io.chatstream.query.projection.application.RebuildingReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * {@code java -jar query-routes.jar --spring.profiles.active=rebuild}: clears the read model and
 * rewinds the projections, then the process exits (0 done, 2 refused). The next normal start
 * replays the topics into the empty views.
 */
public final class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildCommand.class);

    private final RebuildingReadModel rebuilding;
    private final boolean allowPartial;
    private int exitCode = 1;

    public RebuildCommand(RebuildingReadModel rebuilding, boolean allowPartial) {
        this.rebuilding = rebuilding;
        this.allowPartial = allowPartial;
    }

    @Override
    public void run(ApplicationArguments args) {
        RebuildResult result = rebuilding.rebuild(allowPartial);
        if (result instanceof RebuildResult.Refused refused) {
            LOG.error("read-model rebuild refused, nothing changed: {}", refused.reason());
            exitCode = 2;
        } else if (result instanceof RebuildResult.Rewound rewound) {
            LOG.info("read model cleared and projections rewound{}; start the query service to replay the topics",
                    rewound.partial().isEmpty() ? "" : " (partial: retention had cut " + rewound.partial() + ")");
            exitCode = 0;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
