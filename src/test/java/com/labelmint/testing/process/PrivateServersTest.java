package com.labelmint.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The private Redis and RabbitMQ the outage tests stop and start: down means refused, and back means on the same port. */
class PrivateServersTest {

    @Test
    void redisStopsAndComesBackOnTheSamePort() throws IOException {
        try (PrivateRedis redis = PrivateRedis.start()) {
            assertThat(ping(redis.port())).isEqualTo("+PONG");
            redis.stop();
            assertThat(PrivateServer.listening(redis.port())).as("listening while stopped").isFalse();
            redis.startAgain();
            assertThat(ping(redis.port())).isEqualTo("+PONG");
        }
    }

    @Test
    void rabbitMqStopsAndComesBackOnTheSamePortWithItsDurableQueueAndPersistentMessages() throws Exception {
        try (PrivateRabbitMq rabbitMq = PrivateRabbitMq.start()) {
            try (Connection connection = connect(rabbitMq); Channel channel = connection.createChannel()) {
                channel.queueDeclare("kept", true, false, false, null);
                channel.basicPublish("", "kept", MessageProperties.PERSISTENT_TEXT_PLAIN, "survives".getBytes(StandardCharsets.UTF_8));
            }
            rabbitMq.stop();
            assertThatThrownBy(() -> connect(rabbitMq).close()).as("a connection while it is stopped").isInstanceOf(IOException.class);
            rabbitMq.startAgain();
            try (Connection connection = connect(rabbitMq); Channel channel = connection.createChannel()) {
                AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive("kept");
                assertThat(queue.getMessageCount()).isEqualTo(1);
                GetResponse message = channel.basicGet("kept", true);
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("survives");
            }
            assertThat(rabbitMq.lastStart()).as("a start of the node (measured)").isPositive();
        }
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream();
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return in.readLine();
        }
    }

    private static Connection connect(PrivateRabbitMq rabbitMq) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(rabbitMq.port());
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(2000);
        return factory.newConnection("private-servers-test");
    }
}
