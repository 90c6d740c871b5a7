package io.liteshift.maven;

import io.liteshift.Configuration;
import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import io.liteshift.config.DatabaseSpec;
import io.liteshift.config.ProjectConfig;
import io.liteshift.migrate.Problem;
import io.liteshift.report.ReportOutput;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every goal shares: where the project's settings are (the plugin's parameters, then {@code DATABASE_URL},
 * then {@code liteshift.toml}, then the defaults, as on the command line), the reports in the build log, and
 * liteshift's refusals turned into a failed build with liteshift's own message.
 */
abstract class LiteShiftMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The settings file; default {@code liteshift.toml} in the project's directory when it exists. */
    @Parameter(property = "liteshift.config")
    File config;

    /**
     * The database: a path or a {@code file:}, {@code sqlite:} or {@code jdbc:sqlite:} URL, relative to the project's
     * directory. Default: {@code $DATABASE_URL}, then {@code database} in liteshift.toml.
     */
    @Parameter(property = "liteshift.database")
    String database;

    /** The migrations directory; default {@code migrations}, or as set in liteshift.toml. */
    @Parameter(property = "liteshift.migrations")
    File migrations;

    /** The declared schema: a .sql file or a directory of them; default {@code schema.sql}, or as set in liteshift.toml. */
    @Parameter(property = "liteshift.schema")
    File schema;

    /**
     * The class that declares the schema in Java (instead of {@code schema}), e.g. {@code com.example.db.AppSchema}:
     * a {@code SchemaDefinition}, or a class with one public static method returning a {@code JavaSchema}. It is
     * loaded from the project's compiled classes and compile dependencies. Default: schema_class in liteshift.toml.
     */
    @Parameter(property = "liteshift.schemaClass")
    String schemaClass;

    /** Skips the goal (e.g. {@code -Dliteshift.skip} on a machine without the database). */
    @Parameter(property = "liteshift.skip", defaultValue = "false")
    boolean skip;

    private ProjectConfig settings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("liteshift: skipped (liteshift.skip)");
            return;
        }
        try {
            run();
        } catch (LiteShiftException e) {
            throw new MojoFailureException(e.message(Fix.FrontEnd.MAVEN), inMavensWords(e));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("liteshift: unexpected error: " + e, e);
        } finally {
            closeProjectClasses();
        }
    }

    abstract void run() throws MojoFailureException;

    /**
     * The exception as the failure's cause, with its message in the plugin's words: Maven prints every message of
     * the cause chain that differs from the failure's, and the original's is the Java API's.
     */
    private static LiteShiftException inMavensWords(LiteShiftException e) {
        LiteShiftException rendered = new LiteShiftException(e.reason(), e.message(Fix.FrontEnd.MAVEN), e.getCause());
        rendered.setStackTrace(e.getStackTrace());
        return rendered;
    }

    /** The settings in force; relative parameters are relative to the project's directory (Maven resolves the files). */
    final ProjectConfig settings() {
        if (settings == null) {
            Path base = basedir();
            settings = ProjectConfig.load(config == null ? null : config.toPath(), base, System.getenv())
                    .withSchema(schema == null ? null : schema.toPath().toAbsolutePath().normalize())
                    .withMigrations(migrations == null ? null : migrations.toPath().toAbsolutePath().normalize())
                    .withDatabase(database == null || database.isBlank() ? null : DatabaseSpec.resolveAgainst(database, base))
                    .withSchemaClass(schemaClass == null || schemaClass.isBlank() ? null : schemaClass.strip());
        }
        return settings;
    }

    /**
     * The library, configured for the settings; its progress lines go to the build log. A schema class is looked up
     * in the project's compile classpath (a {@code classpath} in liteshift.toml is for the command line: Maven knows
     * the project's classes better).
     */
    final Configuration configure() {
        Configuration c = settings().configure().progress(getLog()::info);
        return settings().schemaClass() == null ? c : c.classLoader(projectClasses());
    }

    private URLClassLoader projectClasses;

    /** The project's classes and compile dependencies, over the plugin's own (liteshift's DSL comes from there). */
    final ClassLoader projectClasses() {
        if (projectClasses == null) {
            List<String> elements;
            try {
                elements = project.getCompileClasspathElements();
            } catch (DependencyResolutionRequiredException e) {
                throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the project's compile classpath is not"
                        + " resolved, so the schema class " + settings().schemaClass() + " cannot be loaded: " + e.getMessage(), e);
            }
            URL[] urls = elements.stream().map(LiteShiftMojo::url).toArray(URL[]::new);
            projectClasses = new URLClassLoader(urls, getClass().getClassLoader());
        }
        return projectClasses;
    }

    private static URL url(String element) {
        try {
            return new File(element).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a classpath entry: " + element, e);
        }
    }

    private void closeProjectClasses() {
        if (projectClasses == null) return;
        try {
            projectClasses.close();
        } catch (IOException e) {
            getLog().debug("closing the project's class loader: " + e);
        }
        projectClasses = null;
    }

    /** The database to work on, or an error that says the ways to give one. */
    final String requireDatabase() {
        ProjectConfig c = settings();
        if (c.database() == null) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "no database given: set <database> in the liteshift-maven-plugin configuration (or -Dliteshift.database=...),"
                            + " set DATABASE_URL, or set database in " + ProjectConfig.FILE_NAME + " ("
                            + (c.file() != null ? "read " + c.file() : "looked in " + basedir()) + ").");
        }
        return c.database();
    }

    /** The backups directory: the goal's {@code backups} parameter when given, else the settings' (liteshift.toml, then backups). */
    final Path backupsDirectory(File parameter) {
        return parameter == null ? settings().backups() : parameter.toPath();
    }

    /** Problems as a failed build lists them, one "  - message" line each. */
    static String bullets(List<Problem> problems) {
        return problems.stream().map(p -> "  - " + p.message(Fix.FrontEnd.MAVEN)).collect(Collectors.joining("\n"));
    }

    final Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /** The reports go to the build log: lines at INFO, warnings at WARN. */
    final ReportOutput log() {
        return new ReportOutput() {
            public void line(String text) {
                getLog().info(text);
            }

            public void warning(String text) {
                getLog().warn(text);
            }

            public Fix.FrontEnd frontEnd() {
                return Fix.FrontEnd.MAVEN;
            }
        };
    }
}
