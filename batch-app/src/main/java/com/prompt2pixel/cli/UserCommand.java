package com.prompt2pixel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.security.StaffAccount;
import com.prompt2pixel.security.StaffAccounts;
import com.prompt2pixel.security.StaffRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code user}: staff accounts of the web admin and the admin API.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
		description = "Adds and lists staff accounts (roles admin, operator, reviewer).",
		subcommands = { UserCommand.Add.class, UserCommand.ListUsers.class })
class UserCommand {

	/**
	 * Where {@code user add} takes a chosen password from, so that it is never an
	 * argument.
	 */
	static final String PASSWORD_VARIABLE = "P2P_USER_PASSWORD";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Adds a member of staff. The password comes from the environment variable "
					+ PASSWORD_VARIABLE + " (at least 12 characters); without it one is generated and the last "
					+ "line is {\"email\": E, \"role\": R, \"password\": …}, shown this once.")
	static class Add implements Callable<Integer> {

		@Option(names = "--email", required = true, paramLabel = "E",
				description = "the e-mail address to sign in with")
		String email;

		@Option(names = "--role", required = true, paramLabel = "R", description = "admin, operator or reviewer")
		String role;

		@Override
		public Integer call() {
			String chosen = System.getenv(PASSWORD_VARIABLE);
			return OneShot.run((context) -> {
				StaffRole staffRole = StaffRole.parse(this.role);
				StaffAccounts accounts = context.getBean(StaffAccounts.class);
				String generated = accounts.add(this.email, staffRole,
						(chosen == null || chosen.isEmpty()) ? null : chosen);
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("email", accounts.find(this.email).orElseThrow().email());
				json.put("role", staffRole.name().toLowerCase(Locale.ROOT));
				if (generated != null) {
					json.put("password", generated);
				}
				return OneShot.Output.ok(List.of(JSON.writeValueAsString(json)));
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists staff accounts, one JSON object a line.")
	static class ListUsers implements Callable<Integer> {

		@Override
		public Integer call() {
			return OneShot.run((context) -> OneShot.Output
				.ok(context.getBean(StaffAccounts.class).list().stream().map(UserCommand::line).toList()));
		}

	}

	private static String line(StaffAccount account) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("email", account.email());
		json.put("role", account.role().name().toLowerCase(Locale.ROOT));
		json.put("created_at", account.createdAt().toInstant().toString());
		json.put("locked_until", (account.lockedUntil() != null) ? account.lockedUntil().toInstant().toString() : null);
		return JSON.writeValueAsString(json);
	}

}
