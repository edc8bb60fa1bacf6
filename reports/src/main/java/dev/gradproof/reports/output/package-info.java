/**
 * Writing a report: the HTML page rendered through Pebble with HTML auto-escaping, and the
 * aggregated JSON beside it, each written to a temporary file and then moved into place.
 */
package dev.gradproof.reports.output;
