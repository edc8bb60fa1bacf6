package dev.gradproof.maven;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals with a Maven project and session: which results folders they read in a reactor, which
 * results they leave out as earlier builds', and what check does with a broken rule.
 */
class GoalsInAReactorTest {

    private static MavenProject project(Path root, String artifactId) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.example");
        project.setArtifactId(artifactId);
        project.setVersion("1");
        project.setFile(root.resolve(artifactId).resolve("pom.xml").toFile());
        return project;
    }

    private static DefaultArtifact artifact(String artifactId) {
        return new DefaultArtifact("com.example", artifactId, "1", "test", "jar", null, new DefaultArtifactHandler("jar"));
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(List<MavenProject> projects, Instant start) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setStartTime(Date.from(start));
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(projects);
        return session;
    }

    @Test
    void aggregateReadsThisModuleAndTheReactorModulesItDependsOnOnly(@TempDir Path root) {
        MavenProject core = project(root, "core");
        MavenProject unrelated = project(root, "unrelated");
        MavenProject report = project(root, "report");
        // report depends on core (and on something outside the reactor), not on unrelated
        report.setArtifacts(Set.of(artifact("core"), artifact("outside")));
        ReportAggregateMojo mojo = new ReportAggregateMojo();
        mojo.project = report;
        mojo.session = session(List.of(core, unrelated, report), Instant.now());

        assertThat(mojo.reactorResults()).extracting(ResultsDirectory::module).containsExactly("core", "report");
        assertThat(mojo.ownResults()).extracting(ResultsDirectory::module).containsExactly("report");
        assertThat(mojo.ownResults().get(0).directory())
                .isEqualTo(root.resolve("report/target").resolve(ResultRecorder.DIRECTORY_NAME));
    }

    @Test
    void resultsRecordedBeforeTheBuildStartedAreLeftOutUnlessAsked(@TempDir Path root) {
        MavenProject core = project(root, "core");
        ResultRecorder.write(Results.right(), ResultsDirectory.ofModuleDirectory(root.resolve("core")).directory());
        CheckMojo mojo = new CheckMojo();
        mojo.project = core;

        mojo.session = session(List.of(core), Instant.now().plusSeconds(3600));
        assertThat(mojo.collect(mojo.ownResults()).checks()).isEmpty();
        assertThat(mojo.collect(mojo.ownResults()).stale()).isEqualTo(1);

        mojo.includeEarlierBuilds = true;
        assertThat(mojo.collect(mojo.ownResults()).checks()).hasSize(1);

        mojo.includeEarlierBuilds = false;
        mojo.session = session(List.of(core), Instant.now().minusSeconds(3600));
        assertThat(mojo.collect(mojo.ownResults()).checks()).hasSize(1);
    }

    @Test
    void checkFailsTheBuildOnABrokenRuleOrOnlyWarnsWhenHaltOnFailureIsOff(@TempDir Path root) throws Exception {
        MavenProject core = project(root, "core");
        ResultRecorder.write(Results.wrong("the seeded bug"),
                ResultsDirectory.ofModuleDirectory(root.resolve("core")).directory());
        CheckMojo mojo = new CheckMojo();
        mojo.project = core;
        mojo.session = session(List.of(core), Instant.now().minusSeconds(3600));

        org.assertj.core.api.Assertions.assertThatThrownBy(mojo::execute)
                .isInstanceOf(org.apache.maven.plugin.MojoFailureException.class)
                .hasMessageContaining("rule failOnFailed: 1 of 1 checks FAILED; worst: \"the seeded bug\"");

        mojo.haltOnFailure = false;
        mojo.execute();

        mojo.haltOnFailure = true;
        mojo.skip = true;
        mojo.execute();
    }
}
