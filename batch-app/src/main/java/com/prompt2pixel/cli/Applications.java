package com.prompt2pixel.cli;

import java.util.Map;

import com.prompt2pixel.Prompt2PixelApplication;
import com.prompt2pixel.system.EnvironmentProblem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application in one of its roles.
 */
final class Applications {

	/** Profile of the one-shot commands: no web server, no scheduler, quieter logs. */
	static final String CLI_PROFILE = "cli";

	private Applications() {
	}

	static ConfigurableApplicationContext startForCommand(String... args) {
		SpringApplication application = new SpringApplication(Prompt2PixelApplication.class);
		application.setMainApplicationClass(Prompt2PixelApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setAdditionalProfiles(CLI_PROFILE);
		return application.run(args);
	}

	/**
	 * A worker: executes generate partitions, no web server, and leaves the nightly
	 * triggers and the inbox to the managers. Its role is an argument, so that
	 * application.yaml (which makes every node a manager) cannot override it.
	 */
	static ConfigurableApplicationContext startWorker(String... args) {
		SpringApplication application = new SpringApplication(Prompt2PixelApplication.class);
		application.setMainApplicationClass(Prompt2PixelApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.quartz.auto-startup", "false"));
		String[] workerArgs = new String[args.length + 2];
		workerArgs[0] = "--p2p.schedule.role=worker";
		// the inbox is the managers' to watch
		workerArgs[1] = "--p2p.inbox.dir=";
		System.arraycopy(args, 0, workerArgs, 2, args.length);
		return application.run(workerArgs);
	}

	static ConfigurableApplicationContext startServer(String... args) {
		SpringApplication application = new SpringApplication(Prompt2PixelApplication.class);
		application.setMainApplicationClass(Prompt2PixelApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return application.run(args);
	}

	/**
	 * Why the application failed, on one line: the message written for operators when the
	 * failure carries one, else the deepest cause's.
	 */
	static String reason(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof EnvironmentProblem) {
				break;
			}
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
		return message.replaceAll("\\s+", " ").strip();
	}

}
