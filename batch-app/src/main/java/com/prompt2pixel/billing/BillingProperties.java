package com.prompt2pixel.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Billing.
 *
 * @param pricePerImage price of one generated image
 * @param currency ISO 4217 currency of prices and invoices
 */
@Validated
@ConfigurationProperties("p2p.billing")
public record BillingProperties(@NotNull @DecimalMin("0") BigDecimal pricePerImage,
		@NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

	/**
	 * What so many images cost, rounded to the cent as an invoice rounds its total
	 * ({@code round(sum(quantity * unit_price), 2)} in {@link BillRunTasklet}).
	 */
	public BigDecimal priceOf(long images) {
		return this.pricePerImage.multiply(BigDecimal.valueOf(images)).setScale(2, RoundingMode.HALF_UP);
	}

}
