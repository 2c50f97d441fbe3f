/**
 * Dead letters, domain: the DeadLetter and its replay eligibility (unreadable never; not retryable or too
 * old only with force); JDK and the answering domain's provider error rule only.
 */
package io.chatstream.worker.deadletters.domain;
