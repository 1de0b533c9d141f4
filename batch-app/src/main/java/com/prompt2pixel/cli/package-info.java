/**
 * The command line of {@code prompt2pixel.jar}: {@code run}, {@code resume} and
 * {@code serve}.
 */
package com.prompt2pixel.cli;
