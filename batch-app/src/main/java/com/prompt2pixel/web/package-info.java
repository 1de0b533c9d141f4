/**
 * The REST API. The web admin comes later.
 */
package com.prompt2pixel.web;
