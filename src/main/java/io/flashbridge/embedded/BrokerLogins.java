package io.flashbridge.embedded;

import java.net.InetAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager4;

/**
 * Who may connect to the embedded broker. The bridge itself connects in-VM and needs no login.
 * Over TCP, the configured user and password are always accepted; a connection without them is
 * accepted only while the acceptor listens on a loopback address. Once the acceptor is exposed
 * (any other address), every TCP connection must log in.
 */
final class BrokerLogins implements ActiveMQSecurityManager4 {

    private final String user;
    private final byte[] password;
    private final boolean exposed;

    BrokerLogins(String user, String password, boolean exposed) {
        this.user = user;
        this.password = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        this.exposed = exposed;
    }

    /** Whether an acceptor URL such as {@code tcp://0.0.0.0:61616} listens beyond the loopback address. */
    static boolean isExposed(String acceptorUrl) {
        try {
            String host = URI.create(acceptorUrl).getHost();
            return host == null || !InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception unreadable) {
            return true;
        }
    }

    @Override
    public String validateUser(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return user == null ? "flash-bridge" : user;
        }
        if (user != null && this.user != null && this.user.equals(user) && this.password.length > 0
                && MessageDigest.isEqual(this.password, (password == null ? "" : password).getBytes(StandardCharsets.UTF_8))) {
            return user;
        }
        return user == null && !exposed ? "loopback" : null;
    }

    @Override
    public String validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType, String address,
                                      RemotingConnection connection, String securityDomain) {
        return validateUser(user, password, connection, securityDomain);
    }

    @Override
    public boolean validateUser(String user, String password) {
        return validateUser(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
