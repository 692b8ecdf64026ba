package io.flashbridge.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the operations surface ({@code flashbridge.ops.*}), from the environment only. A
 * viewer reads (payouts, audit trails, health details, metrics); an operator also acts (replay).
 * A user without a password does not exist: the {@code prod} profile defines none by default.
 *
 * @param viewerUser {@code FLASHBRIDGE_VIEWER_USER}
 * @param viewerPassword {@code FLASHBRIDGE_VIEWER_PASSWORD}
 * @param operatorUser {@code FLASHBRIDGE_OPERATOR_USER}
 * @param operatorPassword {@code FLASHBRIDGE_OPERATOR_PASSWORD}
 */
@ConfigurationProperties("flashbridge.ops")
record OpsUsers(String viewerUser, String viewerPassword, String operatorUser, String operatorPassword) {

    @Override
    public String toString() {
        return "OpsUsers[viewerUser=" + viewerUser + ", viewerPassword=****, operatorUser=" + operatorUser + ", operatorPassword=****]";
    }
}
