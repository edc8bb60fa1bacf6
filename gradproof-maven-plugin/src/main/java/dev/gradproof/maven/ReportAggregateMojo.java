package dev.gradproof.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one HTML report of a multi-module build: this module's results and those of every module of
 * the reactor it depends on. As with JaCoCo's report-aggregate, run it in a module built after the
 * others (one that depends on them), so that their tests have recorded their results.
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class ReportAggregateMojo extends ReportMojo {

    @Override
    public void execute() {
        write(reactorResults());
    }
}
