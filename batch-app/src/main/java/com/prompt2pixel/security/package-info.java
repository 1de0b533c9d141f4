/**
 * Who may call what: merchant API keys, staff accounts and their roles, and the one
 * security policy of the web server ({@link com.prompt2pixel.security.SecurityPolicy}).
 */
package com.prompt2pixel.security;
