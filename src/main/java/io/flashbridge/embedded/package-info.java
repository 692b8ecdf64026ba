/**
 * The embedded default's infrastructure: an SFTP server (Apache MINA SSHD) for the ERP and a TCP
 * acceptor on the embedded Artemis broker. None of it starts under the {@code prod} profile.
 */
package io.flashbridge.embedded;
