/**
 * Application infrastructure: the embedded PostgreSQL used when no database is
 * configured, and the image store and photo source beans.
 */
package com.prompt2pixel.system;
