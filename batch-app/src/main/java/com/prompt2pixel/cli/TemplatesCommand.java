package com.prompt2pixel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.prompt2pixel.merchant.MerchantTemplates;
import com.prompt2pixel.templates.CompiledTemplateSet;
import com.prompt2pixel.templates.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code templates}: a merchant's own scene-template sets.
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
		description = "Saves and lists a merchant's scene-template sets (format: templates/README.md).",
		subcommands = { TemplatesCommand.Save.class, TemplatesCommand.ListSets.class })
class TemplatesCommand {

	@Command(name = "save", mixinStandardHelpOptions = true,
			description = "Validates a template set file and stores it as the merchant's next version of the set.")
	static class Save implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@Option(names = "--file", required = true, paramLabel = "FILE", description = "the set's YAML file")
		Path file;

		@Option(names = "--set", paramLabel = "NAME", description = "the set's name (default: the file name)")
		String set;

		@Override
		public Integer call() {
			String yaml;
			try {
				yaml = Files.readString(this.file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				System.err.println("error: cannot read " + this.file + ": " + ex.getMessage());
				return Cli.BAD_INPUT;
			}
			String name = (this.set != null) ? this.set
					: this.file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
			return OneShot.run((context) -> {
				int version = context.getBean(MerchantTemplates.class)
					.save(this.merchant, name, this.file.toString(), yaml);
				return OneShot.Output.ok(List.of("saved " + this.merchant + "/" + name + " version " + version));
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the sets a merchant's runs can use, its own first.")
	static class ListSets implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				List<String> lines = new ArrayList<>();
				for (CompiledTemplateSet set : context.getBean(MerchantTemplates.class).saved(this.merchant)) {
					lines.add("merchant  " + describe(set));
				}
				for (CompiledTemplateSet set : TemplateLibrary.fromClasspath().all()) {
					lines.add("library   " + describe(set));
				}
				return OneShot.Output.ok(lines);
			});
		}

		private static String describe(CompiledTemplateSet set) {
			return set.set().id() + " (" + set.set().vertical() + "): "
					+ String.join(", ", set.set().scenes().stream().map((scene) -> scene.id()).toList());
		}

	}

}
