import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

/**
 * Figure 1's floor (`PEER=forwarder bench/latency.sh`): the least an HTTP hop can cost on this machine. The same
 * Vert.x as the service (its own jars), two event loops as Quarkus has on 2 CPUs, a client per loop; a request's body
 * is sent to the fake LLM unread and the answer's body returned unread. Whatever khulasa adds beyond this peer is its
 * own work, not the hop. Usage: Forwarder PORT UPSTREAM_PORT (the fake on 127.0.0.1, requests to /v1 + path).
 */
public class Forwarder extends AbstractVerticle {

    private static int port;
    private static int upstreamPort;

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> client
                .request(HttpMethod.POST, upstreamPort, "127.0.0.1", "/v1" + req.path())
                .compose(up -> up.putHeader("Content-Type", "application/json").send(body))
                .compose(answer -> answer.body())
                .onSuccess(answer -> req.response().putHeader("Content-Type", "application/json").end(answer))
                .onFailure(failure -> req.response().setStatusCode(502).end())))
                .listen(port, "127.0.0.1");
    }

    public static void main(String[] args) {
        port = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        Vertx.vertx().deployVerticle(Forwarder::new, new DeploymentOptions().setInstances(2))
                .onSuccess(id -> System.out.println("ready on " + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
