package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/** The answers this instance is producing right now, each with the mailbox its loop reads. */
public final class InflightAnswers {

    private final ConcurrentHashMap<RequestId, BlockingQueue<MailboxMessage>> mailboxes = new ConcurrentHashMap<>();

    /** Empty when this instance is already answering the request (a duplicate delivery). */
    Optional<BlockingQueue<MailboxMessage>> open(RequestId requestId) {
        BlockingQueue<MailboxMessage> mailbox = new LinkedBlockingQueue<>();
        return mailboxes.putIfAbsent(requestId, mailbox) == null ? Optional.of(mailbox) : Optional.empty();
    }

    void close(RequestId requestId) {
        mailboxes.remove(requestId);
    }

    Optional<BlockingQueue<MailboxMessage>> mailbox(RequestId requestId) {
        return Optional.ofNullable(mailboxes.get(requestId));
    }

    java.util.Set<RequestId> requestIds() {
        return java.util.Set.copyOf(mailboxes.keySet());
    }

    public int count() {
        return mailboxes.size();
    }
}
