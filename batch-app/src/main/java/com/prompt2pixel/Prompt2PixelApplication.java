package com.prompt2pixel;

import com.prompt2pixel.cli.Cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Prompt2Pixel: catalog in, on-brand product imagery out. {@link #main} is the command
 * line; each command starts this application in the role it needs.
 */
@SpringBootApplication
public class Prompt2PixelApplication {

	public static void main(String[] args) {
		Cli.main(args);
	}

}
