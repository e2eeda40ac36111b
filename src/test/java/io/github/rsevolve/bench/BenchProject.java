package io.github.rsevolve.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pom of a generated benchmark project: only the plugin, so a whole `mvn redshift:...` can be timed on it. */
final class BenchProject {

    private BenchProject() {
    }

    static void writePom(Path project, String artifactId) throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>bench</groupId>\n  <artifactId>" + artifactId
                + "</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n  <build><plugins><plugin>\n"
                + "    <groupId>io.github.rsevolve</groupId><artifactId>redshift-maven-plugin</artifactId>\n"
                + "    <version>0.1.0-SNAPSHOT</version>\n  </plugin></plugins></build>\n</project>\n");
    }
}
