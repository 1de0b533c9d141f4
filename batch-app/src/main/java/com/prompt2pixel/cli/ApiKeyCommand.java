package com.prompt2pixel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.security.ApiKey;
import com.prompt2pixel.security.ApiKeys;
import com.prompt2pixel.security.NewApiKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code api-key}: merchants' keys for the REST API.
 */
@Command(name = "api-key", mixinStandardHelpOptions = true,
		description = "Creates, lists and revokes merchants' API keys (Authorization: Bearer p2p_…).",
		subcommands = { ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class })
class ApiKeyCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Creates a key for the merchant (and the merchant, if it is new). The last line is "
					+ "{\"merchant\": ID, \"key\": \"p2p_…\", \"prefix\": …}: the key is shown this once.")
	static class Create implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@Option(names = "--name", paramLabel = "NAME", description = "what the key is for (default: default)")
		String name;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				NewApiKey created = context.getBean(ApiKeys.class).create(this.merchant, this.name);
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("merchant", created.key().merchant());
				json.put("key", created.secret());
				json.put("prefix", created.key().prefix());
				json.put("id", created.key().id());
				json.put("name", created.key().name());
				return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists keys, newest first, one JSON object a line (never the key itself).")
	static class ListKeys implements Callable<Integer> {

		@Option(names = "--merchant", paramLabel = "ID", description = "only this merchant's keys")
		String merchant;

		@Override
		public Integer call() {
			return OneShot.run((context) -> OneShot.Output
				.ok(context.getBean(ApiKeys.class).list(this.merchant).stream().map(ApiKeyCommand::line).toList()));
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revokes a key: its next request is refused.")
	static class Revoke implements Callable<Integer> {

		@Option(names = "--id", required = true, paramLabel = "ID", description = "the key's id (api-key list)")
		long id;

		@Override
		public Integer call() {
			return OneShot
				.run((context) -> OneShot.Output.ok(List.of(line(context.getBean(ApiKeys.class).revoke(this.id)))));
		}

	}

	static String line(ApiKey key) {
		return JSON.writeValueAsString(key.toJson());
	}

}
