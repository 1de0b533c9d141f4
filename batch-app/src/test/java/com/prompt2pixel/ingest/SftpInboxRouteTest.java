package com.prompt2pixel.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** An SFTP inbox configured so that it cannot check or log in is refused at start. */
class SftpInboxRouteTest {

	@Test
	void shouldRefuseToStartWithoutTheServersHostKeyAnAccountOrASecret() {
		assertThatIllegalStateException().isThrownBy(() -> route(sftp("feeds", "secret", null, Path.of("nowhere"))))
			.withMessageStartingWith("the SFTP inbox on sftp.example.com needs p2p.inbox.sftp.known-hosts-file");
		Path knownHosts = Path.of("pom.xml");
		assertThatIllegalStateException().isThrownBy(() -> route(sftp("", "secret", null, knownHosts)))
			.withMessage("the SFTP inbox on sftp.example.com needs p2p.inbox.sftp.username");
		assertThatIllegalStateException().isThrownBy(() -> route(sftp("feeds", "", null, knownHosts)))
			.withMessage("the SFTP inbox on sftp.example.com needs a password (P2P_INBOX_SFTP_PASSWORD) or "
					+ "p2p.inbox.sftp.private-key-file");
	}

	private static SftpInboxRoute route(InboxProperties.Sftp sftp) {
		return new SftpInboxRoute(new InboxProperties(null, sftp), null, null);
	}

	private static InboxProperties.Sftp sftp(String user, String password, Path key, Path knownHosts) {
		return new InboxProperties.Sftp("sftp.example.com", 22, user, password, key, knownHosts, "inbox",
				Duration.ofMinutes(1), Path.of("target/staging"));
	}

}
