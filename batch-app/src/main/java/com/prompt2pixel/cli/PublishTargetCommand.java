package com.prompt2pixel.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.prompt2pixel.connectors.publish.ImageEncoder;
import com.prompt2pixel.connectors.publish.ImageFormat;
import com.prompt2pixel.publish.PublishTarget;
import com.prompt2pixel.publish.PublishTarget.Kind;
import com.prompt2pixel.publish.PublishTargets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code publish-target}: where a merchant's approved images are published besides each
 * run's own folder.
 */
@Command(name = "publish-target", mixinStandardHelpOptions = true,
		description = "Sets, lists and removes a merchant's publish targets: a folder, an S3 bucket "
				+ "(credentials from the AWS SDK's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
				+ "a profile or an instance role; never stored), or its Shopify shop's product media.",
		subcommands = { PublishTargetCommand.Set.class, PublishTargetCommand.ListTargets.class,
				PublishTargetCommand.Remove.class })
class PublishTargetCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Command(name = "set", mixinStandardHelpOptions = true,
			description = "Sets the merchant's target of that kind, replacing the one it had.")
	static class Set implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@ArgGroup(exclusive = true, multiplicity = "1")
		Where where;

		@Option(names = "--endpoint", paramLabel = "URL",
				description = "an S3-compatible store's URL (default: p2p.publish.s3.endpoint, or AWS)")
		URI endpoint;

		@Option(names = "--public-base-url", paramLabel = "URL",
				description = "the public or CDN URL the S3 prefix is served under (default: presigned links)")
		URI publicBaseUrl;

		@Option(names = "--format", defaultValue = "png", paramLabel = "png|jpeg|webp",
				description = "the format images are published in (default: ${DEFAULT-VALUE})")
		String format;

		@Option(names = "--quality", defaultValue = "0.9", paramLabel = "Q",
				description = "JPEG and WebP quality, above 0 to 1 (default: ${DEFAULT-VALUE})")
		float quality;

		@Option(names = "--max-edge", defaultValue = "0", paramLabel = "PX",
				description = "the longest edge; larger images are scaled down (default: the image's own; never "
						+ "above 20 megapixels)")
		int maxEdge;

		@Option(names = "--position", paramLabel = "append|primary",
				description = "Shopify only: after the product's media, or first, the run's first image becoming the "
						+ "primary image (default: append)")
		String position;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				ImageEncoder.Settings encoding = new ImageEncoder.Settings(ImageFormat.of(this.format), this.quality,
						this.maxEdge);
				PublishTarget target;
				if (this.where.folder != null) {
					target = new PublishTarget(this.merchant, Kind.FOLDER, this.where.folder.toAbsolutePath(), null,
							null, null, encoding);
				}
				else if (this.where.s3 != null) {
					target = new PublishTarget(this.merchant, Kind.S3, null, this.where.s3, this.endpoint,
							this.publicBaseUrl, encoding);
				}
				else {
					target = new PublishTarget(this.merchant, Kind.SHOPIFY, null, null, null, null, encoding,
							PublishTarget.Position.of((this.position != null) ? this.position : "append"));
				}
				if (this.position != null && target.kind() != Kind.SHOPIFY) {
					throw new IllegalArgumentException("--position is for a Shopify target (--shopify) only");
				}
				PublishTarget stored = context.getBean(PublishTargets.class).set(target);
				return OneShot.Output.ok(List.of(JSON.writeValueAsString(stored.toJson())));
			});
		}

	}

	static class Where {

		@Option(names = "--folder", paramLabel = "DIR", description = "a folder")
		Path folder;

		@Option(names = "--s3", paramLabel = "s3://BUCKET/PREFIX", description = "an S3 bucket and key prefix")
		String s3;

		@Option(names = "--shopify",
				description = "the media of the products in the merchant's connected shop (shopify-connect; the "
						+ "access token needs the scopes write_products and write_files)")
		boolean shopify;

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the merchant's targets, one JSON object a line.")
	static class ListTargets implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@Override
		public Integer call() {
			return OneShot.run((context) -> OneShot.Output.ok(context.getBean(PublishTargets.class)
				.list(this.merchant)
				.stream()
				.map((target) -> JSON.writeValueAsString(target.toJson()))
				.toList()));
		}

	}

	@Command(name = "remove", mixinStandardHelpOptions = true,
			description = "Removes the merchant's target of that kind; what it published stays.")
	static class Remove implements Callable<Integer> {

		@Option(names = "--merchant", required = true, paramLabel = "ID", description = "merchant id")
		String merchant;

		@Option(names = "--target", required = true, paramLabel = "folder|s3|shopify", description = "which target")
		String target;

		@Override
		public Integer call() {
			return OneShot.run((context) -> {
				boolean removed = context.getBean(PublishTargets.class).remove(this.merchant, Kind.of(this.target));
				return OneShot.Output.ok(List.of(JSON
					.writeValueAsString(Map.of("merchant", this.merchant, "target", this.target, "removed", removed))));
			});
		}

	}

}
