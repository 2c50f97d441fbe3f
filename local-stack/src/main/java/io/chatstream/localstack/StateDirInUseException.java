package io.chatstream.localstack;

import java.nio.file.Path;

/** Another launcher runs on the same state dir. */
final class StateDirInUseException extends IllegalStateException {

    StateDirInUseException(Path stateDir, String holderPid) {
        super("another local stack" + (holderPid.isEmpty() ? "" : " (launcher pid " + holderPid + ")")
                + " already runs on " + stateDir + ". Stop it first (Ctrl-C in its terminal), or give this one"
                + " its own --state-dir=DIR.");
    }
}
