package io.flashbridge.intake.jms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Core banking's JMS contract: the queue names, the ledger source its payment ids belong to, and the
 * largest message taken (a larger one is answered and dead-lettered unread).
 */
@ConfigurationProperties("flashbridge.jms")
public record JmsIntakeProperties(String source, String instructions, String replies, String status, String deposits,
                                  String deadLetters, DataSize maxMessageSize) {}
