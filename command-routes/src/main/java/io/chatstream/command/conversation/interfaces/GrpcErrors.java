package io.chatstream.command.conversation.interfaces;

import io.chatstream.command.conversation.application.CommandError;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.support.grpc.GrpcReply;
import io.grpc.Status;

/** Rejections of the command side as gRPC refusals: status, the chat-error-code trailer's code and a safe message. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    static <R> GrpcReply<R> refusal(CommandError error) {
        return switch (error) {
            case PROMPT_EMPTY -> invalid(ErrorCodes.PROMPT_EMPTY, "the prompt is empty");
            case PROMPT_INVALID -> invalid(ErrorCodes.PROMPT_INVALID, "the prompt contains invalid characters");
            case PROMPT_TOO_LARGE -> invalid(ErrorCodes.PROMPT_TOO_LARGE, "the prompt is too long");
            case INVALID_REQUEST_ID -> invalid(ErrorCodes.INVALID_REQUEST_ID, "the request id cannot be used");
            case INVALID_SESSION_ID -> invalid(ErrorCodes.INVALID_SESSION_ID, "the session id is malformed");
            case INVALID_USER_ID -> invalid(ErrorCodes.INVALID_USER_ID, "the user id is malformed");
            case INVALID_TITLE -> invalid(ErrorCodes.INVALID_TITLE,
                    "the title must be 1 to 120 characters without control characters");
            case SESSION_NOT_FOUND -> GrpcReply.refusal(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND,
                    "no such session");
            case REQUEST_NOT_FOUND -> GrpcReply.refusal(Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND,
                    "no such request");
            case SESSION_BUSY -> GrpcReply.refusal(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY,
                    "the previous answer of this session is still in progress");
            case SESSION_ARCHIVED -> GrpcReply.refusal(Status.Code.FAILED_PRECONDITION,
                    ErrorCodes.SESSION_ARCHIVED, "the session is archived");
            case QUOTA_EXCEEDED -> GrpcReply.refusal(Status.Code.RESOURCE_EXHAUSTED, ErrorCodes.QUOTA_EXCEEDED,
                    "today's token budget is used up; it renews at 00:00 UTC");
            case SESSION_LIMIT_REACHED -> GrpcReply.refusal(Status.Code.FAILED_PRECONDITION,
                    ErrorCodes.SESSION_LIMIT_REACHED,
                    "you keep as many conversations as one person may; delete some to start a new one");
        };
    }

    private static <R> GrpcReply<R> invalid(String code, String message) {
        return GrpcReply.refusal(Status.Code.INVALID_ARGUMENT, code, message);
    }
}
