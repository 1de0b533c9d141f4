package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The watched inboxes: merchants (or their integrations) drop catalog files into
 * {@code DIR/<merchant>/}, locally or on an SFTP server; each is imported and moved to
 * {@code done/<merchant>/} or {@code failed/<merchant>/} with its report beside it.
 *
 * @param dir the local inbox folder ({@code DIR}); the route runs in {@code serve} when
 * it is set
 * @param sftp an inbox on an SFTP server, polled by {@code serve} when its host is set
 */
@ConfigurationProperties("p2p.inbox")
record InboxProperties(Path dir, Sftp sftp) {

	/**
	 * An SFTP server's inbox (a merchant's ERP dropping nightly feeds). Its host key is
	 * always checked against the known-hosts file; the password comes from the
	 * environment ({@code P2P_INBOX_SFTP_PASSWORD}), or a private key file is used.
	 *
	 * @param host the server; empty: no SFTP inbox
	 * @param port its port
	 * @param username the account
	 * @param password the account's password, when there is no private key
	 * @param privateKeyFile the account's private key (OpenSSH format)
	 * @param knownHostsFile the server's host key, in OpenSSH's known_hosts format
	 * @param directory the inbox's folder on the server, relative to the account's home
	 * @param delay the wait between two looks at the server
	 * @param staging the local folder each file is downloaded into and imported from
	 * (kept: an import reads its file again when it is resumed)
	 */
	record Sftp(String host, int port, String username, String password, Path privateKeyFile, Path knownHostsFile,
			String directory, Duration delay, Path staging) {

		boolean enabled() {
			return this.host != null && !this.host.isBlank();
		}

	}

}
