package io.liteshift.cli;

import io.liteshift.report.ReportOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that works on the project: its settings (--config, --db, --dir, --schema), --verbose, and its output. */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The shared text reports, printed to this command's out and err. */
    ReportOutput report() {
        return ConsoleOutput.of(out(), err());
    }
}
