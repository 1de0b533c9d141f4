package com.prompt2pixel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.prompt2pixel.system.ServerPaths;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The inbox on an SFTP server, as the folder inbox does it: every catalog file in
 * {@code <directory>/<merchant>/} (.csv or .xlsx, once it has stopped growing) is
 * downloaded into the staging folder and imported, then moved on the server to
 * {@code <directory>/done/<merchant>/}, or to {@code failed/<merchant>/} with the reason
 * ({@code <file>.error.txt}); the import's error report ({@code <file>.errors.csv}) is
 * uploaded beside it. Photos must be URLs: files beside the catalog on the server are not
 * fetched. Runs in {@code serve}, not in one-shot commands.
 */
@Component
@Profile("!cli")
@ConditionalOnExpression("!'${p2p.inbox.sftp.host:}'.isBlank()")
@EnableConfigurationProperties(InboxProperties.class)
class SftpInboxRoute extends RouteBuilder {

	static final String ROUTE_ID = "sftpCatalogInbox";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final InboxProperties.Sftp sftp;

	private final InboxImports imports;

	private final ProducerTemplate producer;

	SftpInboxRoute(InboxProperties properties, InboxImports imports, ProducerTemplate producer) {
		this.sftp = properties.sftp();
		this.imports = imports;
		this.producer = producer;
		if (this.sftp.knownHostsFile() == null || !Files.isReadable(this.sftp.knownHostsFile())) {
			throw new IllegalStateException("the SFTP inbox on " + this.sftp.host()
					+ " needs p2p.inbox.sftp.known-hosts-file, the server's host key (ssh-keyscan writes it), "
					+ "readable; was " + this.sftp.knownHostsFile());
		}
		if (this.sftp.username() == null || this.sftp.username().isBlank()) {
			throw new IllegalStateException("the SFTP inbox on " + this.sftp.host() + " needs p2p.inbox.sftp.username");
		}
		if ((this.sftp.password() == null || this.sftp.password().isEmpty()) && this.sftp.privateKeyFile() == null) {
			throw new IllegalStateException("the SFTP inbox on " + this.sftp.host()
					+ " needs a password (P2P_INBOX_SFTP_PASSWORD) or p2p.inbox.sftp.private-key-file");
		}
	}

	@Override
	public void configure() throws IOException {
		Files.createDirectories(this.sftp.staging());
		// one level deep only: <directory>/<merchant>/<file>, so done/ and failed/ are
		// not
		// read; the moves are relative to the inbox's folder
		from(sftpUri(this.sftp.directory()) + "&recursive=true&antInclude=*/*.csv,*/*.xlsx&antFilterCaseSensitive=false"
				+ "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=1000&delay="
				+ this.sftp.delay().toMillis() + "&move=done/${file:name}&moveFailed=failed/${file:name}")
			.routeId(ROUTE_ID)
			.process(this::importFile);
	}

	/**
	 * An SFTP URI for a folder of the server: the account, its secret as a raw value
	 * (never parsed as URI syntax; Camel masks it in what it logs), and the host key
	 * always checked.
	 */
	private String sftpUri(String folder) {
		StringBuilder uri = new StringBuilder("sftp://").append(this.sftp.host())
			.append(':')
			.append(this.sftp.port())
			.append('/')
			.append(folder)
			.append("?username=")
			.append(this.sftp.username())
			.append("&knownHostsFile=")
			.append(this.sftp.knownHostsFile().toAbsolutePath())
			.append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true");
		if (this.sftp.privateKeyFile() != null) {
			uri.append("&privateKeyFile=").append(this.sftp.privateKeyFile().toAbsolutePath());
		}
		else {
			uri.append("&password=RAW(").append(this.sftp.password()).append(')');
		}
		return uri.toString();
	}

	private void importFile(Exchange exchange) throws IOException {
		String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
		String merchant = relative.substring(0, relative.indexOf('/'));
		String name = relative.substring(relative.lastIndexOf('/') + 1);
		Path folder = Files.createDirectories(this.sftp.staging().resolve(merchant));
		Path staged = folder.resolve(STAMP.format(Instant.now()) + "-" + name);
		try (InputStream body = exchange.getIn().getMandatoryBody(InputStream.class)) {
			Files.copy(body, staged);
		}
		catch (org.apache.camel.InvalidPayloadException ex) {
			throw new IOException("cannot read " + relative + " from the SFTP inbox", ex);
		}
		// the staged file's folder holds no photos: a catalog's local photo names fail
		InboxImports.Outcome outcome = this.imports.importFile(merchant, staged, folder);
		String beside = this.sftp.directory() + "/" + (outcome.completed() ? "done" : "failed") + "/" + merchant;
		if (outcome.errorReport() != null) {
			upload(beside, name + ".errors.csv", Files.readAllBytes(outcome.errorReport()));
		}
		if (!outcome.completed()) {
			// the reason goes to the merchant's server: by the file's own name, no path
			// of
			// ours
			String reason = ServerPaths.hide(outcome.failure()).replace(staged.getFileName().toString(), name);
			upload(beside, name + ".error.txt", (reason + "\n").getBytes(StandardCharsets.UTF_8));
			throw new ImportRejectedException(outcome.failure());
		}
	}

	private void upload(String folder, String name, byte[] content) {
		this.producer.sendBodyAndHeader(sftpUri(folder), content, Exchange.FILE_NAME, name);
	}

}
