package dev.gradproof.maven;

import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.ResultCollector;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the goals share: the project, whether to skip, and which results they read. Results are
 * found and read only through the reports module's {@link ResultsDirectory} and {@link ResultCollector},
 * so that the results layout is known in one place.
 */
abstract class ResultsMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Skips the goal. */
    @Parameter(property = "gradproof.skip", defaultValue = "false")
    boolean skip;

    /**
     * Also reads results recorded before this build started (by default they are left out, so that a
     * stale result of an earlier build neither passes nor fails this one).
     */
    @Parameter(property = "gradproof.includeEarlierBuilds", defaultValue = "false")
    boolean includeEarlierBuilds;

    /** The results folder of this project. */
    List<ResultsDirectory> ownResults() {
        return List.of(ResultsDirectory.ofModuleDirectory(project.getBasedir().toPath()));
    }

    /**
     * The results folders of this project and of every project of the reactor it depends on, directly or
     * not, at any scope: the modules a multi-module build's report covers (as JaCoCo's report-aggregate).
     */
    List<ResultsDirectory> reactorResults() {
        Set<String> dependencies = project.getArtifacts().stream()
                .map(ResultsMojo::key).collect(Collectors.toSet());
        List<ResultsDirectory> directories = new ArrayList<>();
        for (MavenProject module : session.getProjects()) {
            if (module == project || dependencies.contains(module.getGroupId() + ":" + module.getArtifactId())) {
                directories.add(ResultsDirectory.ofModuleDirectory(module.getBasedir().toPath()));
            }
        }
        return directories;
    }

    private static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId();
    }

    /** The results of some folders, without those of earlier builds unless asked. */
    CollectedResults collect(List<ResultsDirectory> directories) {
        return ResultCollector.since(since()).collect(directories);
    }

    /** The start of this build, or null when earlier builds' results are read as well. */
    Instant since() {
        if (includeEarlierBuilds || session == null || session.getRequest() == null) {
            return null;
        }
        Date start = session.getRequest().getStartTime();
        return start == null ? null : start.toInstant();
    }
}
