package com.prompt2pixel.web;

import com.prompt2pixel.security.Tenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3 document, at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): every endpoint the controllers map, with how callers
 * authenticate. The security matrix test reads it, so an endpoint cannot be left out of
 * the security checks.
 */
@Configuration
class ApiDocumentation {

	static {
		// the merchant comes from the API key, not from the request: no parameter of the
		// API
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
	}

	@Bean
	OpenAPI prompt2PixelApi() {
		return new OpenAPI()
			.info(new Info().title("Prompt2Pixel API")
				.version("v1")
				.description("Catalog imports and runs for the merchant of the API key (/api/v1); "
						+ "API keys for staff (/api/v1/admin); Shopify's product webhooks (/webhooks)."))
			.components(new Components()
				.addSecuritySchemes("apiKey",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("p2p_…")
							.description("a merchant's API key (api-key create --merchant ID)"))
				.addSecuritySchemes("staff",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("a staff account (user add --email E --role admin)")))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

}
