/**
 * The REST API. The web admin is {@code com.prompt2pixel.admin}.
 */
package com.prompt2pixel.web;
