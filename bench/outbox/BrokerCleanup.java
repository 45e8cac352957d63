import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Deletes the queue and exchange one benchmark run declared on the shared broker. Run as a
 * single-file program against the app's own amqp-client jar: java -cp 'lib/main/*' BrokerCleanup.java
 * HOST PORT USER PASSWORD QUEUE EXCHANGE
 */
public class BrokerCleanup {
    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(args[0]);
        factory.setPort(Integer.parseInt(args[1]));
        factory.setUsername(args[2]);
        factory.setPassword(args[3]);
        factory.setConnectionTimeout(5000);
        try (Connection connection = factory.newConnection("labelmint-bench-cleanup")) {
            try (Channel channel = connection.createChannel()) {
                channel.queueDelete(args[4]);
            }
            try (Channel channel = connection.createChannel()) {
                channel.exchangeDelete(args[5]);
            }
        }
        System.out.println("deleted queue " + args[4] + " and exchange " + args[5]);
    }
}
