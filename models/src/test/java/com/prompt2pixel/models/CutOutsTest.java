package com.prompt2pixel.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CutOutsTest {

	@Test
	void shouldCutAPhotoOutOnceForEverySceneOfItsProductButAgainForAnotherMatte() throws IOException {
		byte[] photo = png(TestPhotos.redRingOnWhite());
		ProductMatte keyer = ProductMatte.named("keyer", null);

		CutOuts.Cut first = CutOuts.of(photo, keyer);

		assertThat(CutOuts.of(photo.clone(), keyer)).as("the same bytes, another array").isSameAs(first);
		assertThat(CutOuts.of(photo, ProductMatte.named("auto", null))).isNotSameAs(first);
		assertThat(first.method()).isEqualTo("keyer");
		assertThat(first.product().getWidth()).isBetween(118, 122);
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
