package lessonbook.kernel.jvm.maven;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;

/**
 * {@code %maven}: Maven's own resolver (maven-resolver 2, wired by its supplier, no DI container) finds the
 * artifacts and what they need at run time, the way Maven builds a class path, and downloads them into a local
 * repository. Only JDK types cross its API, so the kernel loads the resolver's classes when a cell first uses
 * {@code %maven}, never at start-up. Not thread-safe: one resolution at a time (the kernel's main thread).
 */
public final class MavenResolver implements AutoCloseable {
    /** Maven Central, as Maven itself names it: artifacts Maven downloaded are then reused offline. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** A resolution that failed; its message is for the cell, in a user's words. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository;
    private final List<RemoteRepository> repositories = new ArrayList<>();
    private final Duration connectTimeout;
    private final MavenSettings settings;
    private final DefaultMirrorSelector mirrors = new DefaultMirrorSelector();

    /**
     * @param repositoryUrls remote repositories, searched in order; the first is named "central" (so that the
     *        local repository's record of what came from Central matches Maven's own)
     * @param settings       Maven's user settings: offline, and mirrors (which stand in for the repositories they
     *                       match, and for those POMs name, as in Maven); the local repository is the caller's
     */
    public MavenResolver(Path localRepository, List<String> repositoryUrls, Duration connectTimeout,
                         MavenSettings settings) {
        this.localRepository = localRepository;
        this.connectTimeout = connectTimeout;
        this.settings = settings;
        for (MavenSettings.Mirror mirror : settings.mirrors()) {
            // Maven's defaults for a mirror with no <layout> and no <mirrorOfLayouts>
            mirrors.add(mirror.id(), mirror.url(), "default", false, false, mirror.mirrorOf(), "default,legacy");
        }
        for (String url : repositoryUrls) {
            String id = repositories.isEmpty() ? "central" : "repository-" + repositories.size();
            RemoteRepository repository = new RemoteRepository.Builder(id, "default", url).build();
            RemoteRepository mirror = mirrors.getMirror(repository);
            repositories.add(mirror != null ? mirror : repository);
        }
    }

    /**
     * The jars of {@code coordinates} ({@code group:artifact:version}, or with an extension and classifier as
     * Maven writes them) and of what they depend on at run time, nearest first as Maven orders a class path.
     * The thread's interrupt stops the resolution.
     */
    public List<Path> resolve(List<String> coordinates) throws Failure {
        List<Dependency> dependencies = new ArrayList<>();
        for (String coordinate : coordinates) {
            try {
                dependencies.add(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new Failure("%maven expects group:artifact:version (e.g. org.apache.commons:commons-lang3:3.14.0),"
                        + " not \"" + coordinate + "\".");
            }
        }
        CollectRequest collect = new CollectRequest();
        collect.setDependencies(dependencies);
        collect.setRepositories(repositories);
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (RepositorySystemSession.CloseableSession session = newSession()) {
            DependencyResult result = system.resolveDependencies(session, request);
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult artifact : result.getArtifactResults()) {
                Path file = artifact.getArtifact() == null ? null : artifact.getArtifact().getPath();
                if (file != null && !jars.contains(file)) {
                    jars.add(file);
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new Failure(explain(String.join(" ", coordinates), e));
        } catch (RuntimeException e) {
            throw new Failure(explain(String.join(" ", coordinates), e));
        }
    }

    private RepositorySystemSession.CloseableSession newSession() {
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get();
        // POMs activate profiles on the JDK and OS: the model builder reads them from the system properties
        builder.setSystemProperties(System.getProperties());
        builder.withLocalRepositoryBaseDirectories(localRepository);
        builder.setOffline(settings.offline());
        builder.setMirrorSelector(mirrors);
        builder.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) connectTimeout.toMillis());
        // no byte for 30 s: a dead connection (Maven waits 30 min); a download that moves is never cut by this
        builder.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) Math.max(connectTimeout.toMillis(), 30_000));
        // one retry, not Maven's three with 5 s between: a classroom waits on this cell
        builder.setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1);
        builder.setTransferListener(new org.eclipse.aether.transfer.AbstractTransferListener() {
            @Override
            public void transferInitiated(org.eclipse.aether.transfer.TransferEvent event) {
                if (Boolean.getBoolean("lessonbook.maven.debug")) {
                    System.err.println("%maven: " + event.getRequestType() + " " + event.getResource().getRepositoryUrl()
                            + event.getResource().getResourceName());
                }
            }
        });
        // the resolver's own settings, as Maven takes them: -Daether.xxx=value given to the app reaches the kernel
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("aether.")) {
                builder.setConfigProperty(name, System.getProperty(name));
            }
        }
        return builder.build();
    }

    /** What went wrong, said for a student: not found, no network, or the resolver's own first line. */
    private String explain(String what, Exception e) {
        if (settings.offline()) {
            return "%maven found no " + what + " in " + localRepository + ", and Maven's settings.xml says offline "
                    + "(<offline>true</offline>), so no repository was asked.";
        }
        String where = repositories.isEmpty() ? "no repository" : repositories.get(0).getUrl();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return "%maven could not reach " + where + " to fetch " + what + " (" + t.getClass().getSimpleName()
                        + ": " + t.getMessage() + "). Is this machine offline? Artifacts fetched once are kept in "
                        + localRepository + " and then need no network.";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException notFound) {
                return "%maven found no " + notFound.getArtifact() + " in " + where
                        + ". Check the group, artifact and version.";
            }
        }
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String root = deepest == e ? "" : " (" + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
        return "%maven could not resolve " + what + ": " + first + root;
    }

    @Override
    public void close() {
        system.close();
    }
}
