/**
 * What the report shows, computed from the collected results: plain records of text and numbers
 * (counts, table rows, histogram bars, heatmap cells, colours from a fixed palette) that a template
 * renders. Nothing here is HTML: every string is escaped by the template engine.
 */
package dev.gradproof.reports.view;
