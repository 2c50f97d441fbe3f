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
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * The ChatQueryService methods as the gRPC routes call them: request in, observer in, and every result
 * (including failures) written to the observer, so a client always sees a proper status and error code.
 * StreamAnswer is streaming's own flow; GetSessionMessages, ListSessions and SearchMessages call history's use
 * cases. One endpoint for all four keeps one mapping of rejections and failures to gRPC statuses.
 */
public class GrpcQueryEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcQueryEndpoint.class);

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
            sink.fail(toStatus(e));
        }
    }

    @SuppressWarnings("unchecked")
    public void getSessionMessages(GetSessionMessagesRequest r, StreamObserver<?> observer) {
        StreamObserver<GetSessionMessagesResponse> out = (StreamObserver<GetSessionMessagesResponse>) observer;
        try {
            PageResult<MessageView> result = messages.read(r.getUserId(), r.getSessionId(), r.getPage(), r.getPageSize());
            if (result instanceof PageResult.Rejected<MessageView> rejected) {
                out.onError(toStatus(rejected.rejection()));
                return;
            }
            var page = ((PageResult.Found<MessageView>) result).page();
            out.onNext(GetSessionMessagesResponse.newBuilder()
                    .addAllMessages(page.items().stream().map(ProtoViews::message).toList())
                    .setNextCursor(page.nextCursor()).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
        }
    }

    @SuppressWarnings("unchecked")
    public void listSessions(ListSessionsRequest r, StreamObserver<?> observer) {
        StreamObserver<ListSessionsResponse> out = (StreamObserver<ListSessionsResponse>) observer;
        try {
            PageResult<SessionView> result = sessions.list(r.getUserId(), r.getPage(), r.getPageSize());
            if (result instanceof PageResult.Rejected<SessionView> rejected) {
                out.onError(toStatus(rejected.rejection()));
                return;
            }
            var page = ((PageResult.Found<SessionView>) result).page();
            out.onNext(ListSessionsResponse.newBuilder()
                    .addAllSessions(page.items().stream().map(ProtoViews::session).toList())
                    .setNextCursor(page.nextCursor()).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
        }
    }

    @SuppressWarnings("unchecked")
    public void searchMessages(SearchMessagesRequest r, StreamObserver<?> observer) {
        StreamObserver<SearchMessagesResponse> out = (StreamObserver<SearchMessagesResponse>) observer;
        try {
            PageResult<SearchHit> result = search.search(r.getUserId(), r.getQuery(), r.getPage(), r.getPageSize());
            if (result instanceof PageResult.Rejected<SearchHit> rejected) {
                out.onError(toStatus(rejected.rejection()));
                return;
            }
            var page = ((PageResult.Found<SearchHit>) result).page();
            out.onNext(SearchMessagesResponse.newBuilder()
                    .addAllHits(page.items().stream().map(ProtoViews::hit).toList())
                    .setNextCursor(page.nextCursor()).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(toStatus(e));
        }
    }

    /** The catalog this instance holds; empty before the first one arrived (never an error). */
    @SuppressWarnings("unchecked")
    public void listModels(ListModelsRequest r, StreamObserver<?> observer) {
        StreamObserver<ListModelsResponse> out = (StreamObserver<ListModelsResponse>) observer;
        ModelCatalog catalog = models.current();
        out.onNext(ListModelsResponse.newBuilder()
                .addAllModels(catalog.models().stream().map(ProtoViews::model).toList())
                .setDefaultModel(catalog.defaultModel()).build());
        out.onCompleted();
    }

    static StatusRuntimeException toStatus(Rejection r) {
        Status.Code code = r.kind() == Rejection.Kind.NOT_FOUND ? Status.Code.NOT_FOUND : Status.Code.INVALID_ARGUMENT;
        return ErrorCodes.grpcError(code, r.code(), r.message());
    }

    static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof DataAccessException || e instanceof RedisConnectionFailureException) {
            LOG.warn("query dependency unavailable: {}", e.toString());
            return ErrorCodes.grpcError(Status.Code.UNAVAILABLE, ErrorCodes.DEPENDENCY_UNAVAILABLE,
                    "a dependency of the query service is unavailable");
        }
        LOG.error("query call failed", e);
        return ErrorCodes.grpcError(Status.Code.INTERNAL, "INTERNAL", "unexpected error");
    }
}
