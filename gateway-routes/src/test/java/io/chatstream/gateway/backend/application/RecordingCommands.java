package io.chatstream.gateway.backend.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** In-memory stand-in for the command service port: accepts everything and remembers what it got. */
public final class RecordingCommands implements ChatCommands {

    public final List<String> calls = new ArrayList<>();

    @Override
    public Outcome<PromptAccepted> submit(Caller caller, Optional<SessionId> session, String prompt, Optional<RequestId> request,
            String model, boolean thinking) {
        calls.add("submit " + session.map(SessionId::value).orElse("-") + " " + request.map(RequestId::value).orElse("-")
                + (model.isEmpty() ? "" : " " + model) + (thinking ? " thinking" : ""));
        return Outcome.done(new PromptAccepted(request.map(RequestId::value).orElse("req-assigned-1"),
                session.map(SessionId::value).orElse("sess-new-00001"), Instant.EPOCH, "accepted", 1));
    }

    @Override
    public Outcome<PromptAccepted> submitVersion(Caller caller, Optional<SessionId> session, RequestId versionOf,
            String prompt, Optional<RequestId> request, String model, boolean thinking) {
        calls.add("version of " + versionOf.value() + " " + session.map(SessionId::value).orElse("-") + " "
                + request.map(RequestId::value).orElse("-") + (prompt.isEmpty() ? " same text" : " edited"));
        return Outcome.done(new PromptAccepted(request.map(RequestId::value).orElse("req-assigned-2"),
                session.map(SessionId::value).orElse("sess-existing-1"), Instant.EPOCH, "accepted", 1));
    }

    @Override
    public Outcome<VersionShown> selectVersion(Caller caller, RequestId version) {
        calls.add("select " + version.value());
        return Outcome.done(new VersionShown("sess-existing-1", version.value()));
    }

    @Override
    public Outcome<StopRequested> cancel(Caller caller, RequestId request) {
        calls.add("cancel " + request.value());
        return Outcome.done(new StopRequested(request.value(), "cancelling"));
    }

    @Override
    public Outcome<SessionRenamed> rename(Caller caller, SessionId session, String title) {
        calls.add("rename " + session.value() + " " + title);
        return Outcome.done(new SessionRenamed(session.value(), title.strip()));
    }

    @Override
    public Outcome<SessionPinned> pin(Caller caller, SessionId session, boolean pinned) {
        calls.add((pinned ? "pin " : "unpin ") + session.value());
        return Outcome.done(new SessionPinned(session.value(), pinned));
    }

    @Override
    public Outcome<SessionId> delete(Caller caller, SessionId session) {
        calls.add("delete " + session.value());
        return Outcome.done(session);
    }

    /** The answer every prompt status question gets; the test completes it when it wants to. */
    public final CompletableFuture<Outcome<PromptStatus>> status = new CompletableFuture<>();

    @Override
    public CompletionStage<Outcome<PromptStatus>> promptStatus(Caller caller, RequestId request) {
        calls.add("status " + caller.user().value() + " " + request.value());
        return status;
    }
}
