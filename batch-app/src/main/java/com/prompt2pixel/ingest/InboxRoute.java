package com.prompt2pixel.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Imports every catalog file dropped into {@code inbox/<merchant>/} (.csv or .xlsx, once
 * it has stopped growing): the file then moves to {@code inbox/done/<merchant>/}, or to
 * {@code inbox/failed/<merchant>/} when the import failed or the file could not be
 * imported at all. Its error report lands beside it as {@code <file>.errors.csv}, or the
 * reason as {@code <file>.error.txt}. Runs in {@code serve}, not in one-shot commands.
 */
@Component
@Profile("!cli")
@ConditionalOnExpression("!'${p2p.inbox.dir:}'.isBlank()")
@EnableConfigurationProperties(InboxProperties.class)
class InboxRoute extends RouteBuilder {

	static final String ROUTE_ID = "catalogInbox";

	private final Path inbox;

	private final InboxImports imports;

	InboxRoute(InboxProperties properties, InboxImports imports) {
		this.inbox = properties.dir().toAbsolutePath().normalize();
		this.imports = imports;
	}

	@Override
	public void configure() throws IOException {
		Files.createDirectories(this.inbox);
		String done = this.inbox.resolve("done").toString();
		String failed = this.inbox.resolve("failed").toString();
		// one level deep only: inbox/<merchant>/<file>, so done/ and failed/ are not read
		from("file:" + this.inbox + "?recursive=true&antInclude=*/*.csv,*/*.xlsx&antFilterCaseSensitive=false"
				+ "&readLock=changed&readLockMinAge=1000&delay=1000" + "&move=" + done + "/${file:name}"
				+ "&moveFailed=" + failed + "/${file:name}")
			.routeId(ROUTE_ID)
			.process(this::importFile);
	}

	private void importFile(Exchange exchange) throws IOException {
		String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
		Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
		String merchant = relative.substring(0, relative.indexOf('/'));
		// photos dropped beside the file may be named; nothing outside its folder
		InboxImports.Outcome outcome = this.imports.importFile(merchant, file, file.getParent());
		Path target = this.inbox.resolve(outcome.completed() ? "done" : "failed").resolve(relative);
		if (outcome.errorReport() != null) {
			Files.createDirectories(target.getParent());
			Files.copy(outcome.errorReport(), target.resolveSibling(target.getFileName() + ".errors.csv"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		if (!outcome.completed()) {
			writeBeside(target, ".error.txt", outcome.failure());
			throw new ImportRejectedException(outcome.failure());
		}
	}

	private static void writeBeside(Path target, String suffix, String text) throws IOException {
		Files.createDirectories(target.getParent());
		Files.writeString(target.resolveSibling(target.getFileName() + suffix), text + "\n", StandardCharsets.UTF_8);
	}

}
