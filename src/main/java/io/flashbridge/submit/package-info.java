/**
 * Submission: accepted instructions travel over a durable Artemis queue to competing consumers
 * that call {@code createWithdrawal}, retry transient failures per the YAML policy, record
 * rejections, and park what still fails so ops can replay it.
 */
package io.flashbridge.submit;
