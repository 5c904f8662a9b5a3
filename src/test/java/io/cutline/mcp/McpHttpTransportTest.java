package io.cutline.mcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutline.api.ApiProblem;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What {@code /mcp} refuses before any session is involved, each with the status and a message naming the problem. */
class McpHttpTransportTest {

    private final McpHttpTransport transport = new McpHttpTransport(McpJsonDefaults.getMapper());

    @Test
    void getOpensNoListeningStream() {
        assertThatThrownBy(() -> transport.handle(request("GET", "text/event-stream", null)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> org.assertj.core.api.Assertions.assertThat(problem.getStatus()).isEqualTo(405))
                .hasMessageContaining("no listening stream");
    }

    @Test
    void aPostMustAcceptBothAnswersAndCarryJsonRpc() {
        assertThatThrownBy(() -> transport.handle(request("POST", "application/json", "{}")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> org.assertj.core.api.Assertions.assertThat(problem.getStatus()).isEqualTo(406))
                .hasMessageContaining("text/event-stream");
        assertThatThrownBy(() -> transport.handle(request("POST", "application/json, text/event-stream", "[1, 2")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> org.assertj.core.api.Assertions.assertThat(problem.getStatus()).isEqualTo(400))
                .hasMessageContaining("not a JSON-RPC message");
        assertThatThrownBy(() -> transport.handle(request("POST", "application/json, text/event-stream",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> org.assertj.core.api.Assertions.assertThat(problem.getStatus()).isEqualTo(400))
                .hasMessageContaining("Mcp-Session-Id is missing");
    }

    private static Exchange request(String method, String accept, String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader("Accept", accept);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
