/**
 * The web admin that {@code serve} answers at {@code /}: server-rendered pages
 * (Thymeleaf, with htmx for partial and live updates over Server-Sent Events) for staff
 * signed in with the login form. Each page reads and acts through the same services as
 * the CLI and the API, so the three never disagree; nothing depends on this package.
 */
package com.prompt2pixel.admin;
