package dev.gradproof.reports.view;

/**
 * A result file that could not be read.
 *
 * @param module  the module whose results folder holds it
 * @param file    its name
 * @param path    its full path
 * @param bytes   its size
 * @param problem what is wrong
 */
public record ProblemView(String module, String file, String path, long bytes, String problem) {
}
