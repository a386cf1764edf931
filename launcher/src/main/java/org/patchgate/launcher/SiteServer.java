package org.patchgate.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Payara Micro running the site server's WAR in this JVM. */
final class SiteServer {

    private final PayaraMicroRuntime runtime;
    private final int port;

    private SiteServer(PayaraMicroRuntime runtime, int port) {
        this.runtime = runtime;
        this.port = port;
    }

    /**
     * Boots Payara Micro with the WAR at the root context. No clustering (one process; a data grid
     * is opt-in for scale-out) and no phone-home: Patchgate contacts no address the admin did not give.
     */
    static SiteServer boot(Path war, int port, Path rootDirectory) throws BootstrapException {
        // Payara Micro's own switch for --disablephonehome, read when the instance is created.
        System.setProperty("payaramicro.disablePhoneHome", "true");
        PayaraMicro micro = PayaraMicro.getInstance()
                .setNoCluster(true)
                .setHttpPort(port)
                .setPrintLogo(false)
                .setRootDir(rootDirectory.toFile())
                .addDeploymentFile(war.toFile());
        return new SiteServer(micro.bootStrap(), port);
    }

    /**
     * Waits until {@code /health/ready} answers 200.
     *
     * @return {@code null} once ready, else the last readiness answer (or why there was none)
     */
    String awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return null;
                }
                last = response.body();
                if (last.contains("\"phase\":\"failed\"")) {
                    return last; // a failed migration does not heal by waiting
                }
            } catch (ConnectException notListeningYet) {
                last = "not listening on port " + port;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        return last;
    }

    void stop() {
        try {
            runtime.shutdown();
        } catch (BootstrapException e) {
            System.err.println("patchgate: Payara Micro did not shut down cleanly: " + e.getMessage());
        }
    }
}
