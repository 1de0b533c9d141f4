/**
 * File output shared by the connectors: atomic whole-file writes and CSV cells that are
 * safe to open in a spreadsheet.
 */
package com.prompt2pixel.connectors.io;
