package io.chatstream.query.streaming.interfaces;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.GetSessionMessagesResponse;
import io.chatstream.proto.v1.ListModelsRequest;
import io.chatstream.proto.v1.ListModelsResponse;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.proto.v1.SearchMessagesRequest;
import io.chatstream.proto.v1.SearchMessagesResponse;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.chatstream.query.history.application.ListingSessions;
import io.chatstream.query.history.application.Page;
import io.chatstream.query.history.application.PageResult;
import io.chatstream.query.history.application.ReadingSessionMessages;
import io.chatstream.query.history.application.SearchingMessages;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.history.domain.SearchHit;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.models.application.OfferedModels;
import io.chatstream.query.models.domain.ModelCatalog;
import io.chatstream.query.streaming.application.Rejection;
import io.chatstream.query.streaming.application.RelayTraces;
import io.chatstream.support.grpc.GrpcReplies;
import io.chatstream.support.grpc.GrpcReply;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/**
 * The ChatQueryService methods as the gRPC routes call them: request in, observer in. A unary method computes a
 * {@link GrpcReply} (a rejection is a refusal value) and {@link GrpcReplies} sends it, or the fault, on the observer;
 * StreamAnswer hands the observer to a sink that ends the stream itself. A client always sees a proper status.
 * StreamAnswer is streaming's own flow; GetSessionMessages, ListSessions and SearchMessages call history's use
 * cases. One endpoint for all four keeps one mapping of rejections and failures to gRPC statuses.
 */
public class GrpcQueryEndpoint {

    private final AnswerStreamOpener streams;
    private final ReadingSessionMessages messages;
    private final ListingSessions sessions;
    private final SearchingMessages search;
    private final RelayTraces relayTraces;
    private final OfferedModels models;

    public GrpcQueryEndpoint(AnswerStreamOpener streams, ReadingSessionMessages messages, ListingSessions sessions,
            SearchingMessages search, RelayTraces relayTraces, OfferedModels models) {
        this.models = models;
        this.streams = streams;
        this.messages = messages;
        this.sessions = sessions;
        this.search = search;
        this.relayTraces = relayTraces;
    }

    public void streamAnswer(StreamAnswerRequest request, StreamObserver<?> observer) {
        GrpcChunkSink sink = new GrpcChunkSink(observer, relayTraces.opened(request.getRequestId()));
        try {
            streams.open(request, sink);
        } catch (RuntimeException e) {
            sink.fail(GrpcReplies.fault("StreamAnswer", e));
        }
    }

    public void getSessionMessages(GetSessionMessagesRequest r, StreamObserver<?> observer) {
        GrpcReplies.send(observer, "GetSessionMessages", () -> reply(
                messages.read(r.getUserId(), r.getSessionId(), r.getPage(), r.getPageSize()),
                page -> GetSessionMessagesResponse.newBuilder()
                        .addAllMessages(page.items().stream().map(ProtoViews::message).toList())
                        .setNextCursor(page.nextCursor()).build()));
    }

    public void listSessions(ListSessionsRequest r, StreamObserver<?> observer) {
        GrpcReplies.send(observer, "ListSessions", () -> reply(
                sessions.list(r.getUserId(), r.getPage(), r.getPageSize()),
                page -> ListSessionsResponse.newBuilder()
                        .addAllSessions(page.items().stream().map(ProtoViews::session).toList())
                        .setNextCursor(page.nextCursor()).build()));
    }

    public void searchMessages(SearchMessagesRequest r, StreamObserver<?> observer) {
        GrpcReplies.send(observer, "SearchMessages", () -> reply(
                search.search(r.getUserId(), r.getQuery(), r.getPage(), r.getPageSize()),
                page -> SearchMessagesResponse.newBuilder()
                        .addAllHits(page.items().stream().map(ProtoViews::hit).toList())
                        .setNextCursor(page.nextCursor()).build()));
    }

    /** The catalog this instance holds; empty before the first one arrived (never an error). */
    public void listModels(ListModelsRequest r, StreamObserver<?> observer) {
        GrpcReplies.send(observer, "ListModels", () -> {
            ModelCatalog catalog = models.current();
            return GrpcReply.answer(ListModelsResponse.newBuilder()
                    .addAllModels(catalog.models().stream().map(ProtoViews::model).toList())
                    .setDefaultModel(catalog.defaultModel()).build());
        });
    }

    private static <T, R> GrpcReply<R> reply(PageResult<T> result, Function<Page<T>, R> response) {
        if (result instanceof PageResult.Rejected<T> rejected) {
            return refusal(rejected.rejection());
        }
        return GrpcReply.answer(response.apply(((PageResult.Found<T>) result).page()));
    }

    /** A rejection of the query side as a refusal: NOT_FOUND or INVALID_ARGUMENT with its code. */
    private static <R> GrpcReply<R> refusal(Rejection r) {
        return GrpcReply.refusal(statusOf(r), r.code(), r.message());
    }

    /** The same rejection as the status that ends an answer stream the sink already owns. */
    static StatusRuntimeException toStatus(Rejection r) {
        return ErrorCodes.grpcError(statusOf(r), r.code(), r.message());
    }

    private static Status.Code statusOf(Rejection r) {
        return r.kind() == Rejection.Kind.NOT_FOUND ? Status.Code.NOT_FOUND : Status.Code.INVALID_ARGUMENT;
    }
}
