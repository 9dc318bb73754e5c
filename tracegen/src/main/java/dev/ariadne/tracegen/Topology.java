package dev.ariadne.tracegen;

import java.util.List;
import java.util.Map;

/**
 * The shop that tracegen's traces come from: ten services, thirty server operations, who calls whom and
 * over which protocol, and which databases each service queries. Fixed, so every corpus has the same
 * shape and only the seed varies the traces.
 */
final class Topology {
  enum Protocol { HTTP, GRPC }

  /** A server operation: an HTTP route or a gRPC method. */
  record Operation(String name, String route) {}

  /** A call from one service to another's operation. */
  record Call(String callee, Protocol protocol) {}

  /** A database a service queries: its db.system, namespace, and the statements it runs. */
  record Database(String system, String namespace, int port, List<String> statements) {}

  record Service(String name, Protocol protocol, List<Operation> operations, List<Call> calls,
      List<Database> databases, List<String> internalWork) {}

  static final String ROOT = "frontend";

  private static final Database POSTGRES_ORDERS = new Database("postgresql", "orders", 5432, List.of(
      "SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20",
      "INSERT INTO orders (id, user_id, total_cents, currency) VALUES ($1, $2, $3, $4)",
      "UPDATE orders SET status = $1 WHERE id = $2"));
  private static final Database POSTGRES_CATALOG = new Database("postgresql", "catalog", 5432, List.of(
      "SELECT id, name, price_cents FROM products WHERE id = ANY($1)",
      "SELECT quantity FROM stock WHERE product_id = $1 FOR UPDATE",
      "UPDATE stock SET quantity = quantity - $1 WHERE product_id = $2"));
  private static final Database REDIS = new Database("redis", "0", 6379, List.of(
      "GET cart:{user}", "SET cart:{user} ? EX 3600", "HGETALL session:{id}", "INCR ratelimit:{tenant}"));

  static final Map<String, Service> SERVICES = Map.of(
      "frontend", new Service("frontend", Protocol.HTTP,
          ops("GET /", "GET /product/{id}", "POST /cart/checkout"),
          List.of(new Call("cart", Protocol.HTTP), new Call("recommendation", Protocol.GRPC),
              new Call("user", Protocol.GRPC), new Call("checkout", Protocol.HTTP),
              new Call("currency", Protocol.GRPC)),
          List.of(), List.of("render-template", "resolve-session")),
      "cart", new Service("cart", Protocol.HTTP,
          ops("GET /cart", "POST /cart/items", "DELETE /cart"),
          List.of(new Call("inventory", Protocol.GRPC)), List.of(REDIS), List.of("merge-cart")),
      "checkout", new Service("checkout", Protocol.HTTP,
          ops("POST /checkout", "GET /checkout/{id}", "POST /checkout/{id}/confirm"),
          List.of(new Call("payment", Protocol.GRPC), new Call("inventory", Protocol.GRPC),
              new Call("shipping", Protocol.HTTP), new Call("notification", Protocol.GRPC),
              new Call("currency", Protocol.GRPC)),
          List.of(POSTGRES_ORDERS), List.of("validate-order", "compute-totals")),
      "payment", new Service("payment", Protocol.GRPC,
          grpc("shop.PaymentService", "Charge", "Refund", "Authorize"),
          List.of(new Call("currency", Protocol.GRPC)), List.of(POSTGRES_ORDERS), List.of("fraud-check")),
      "inventory", new Service("inventory", Protocol.GRPC,
          grpc("shop.InventoryService", "Reserve", "Release", "GetStock"),
          List.of(), List.of(POSTGRES_CATALOG, REDIS), List.of()),
      "shipping", new Service("shipping", Protocol.HTTP,
          ops("POST /quote", "POST /shipments", "GET /shipments/{id}"),
          List.of(new Call("currency", Protocol.GRPC)), List.of(POSTGRES_ORDERS), List.of("route-planning")),
      "user", new Service("user", Protocol.GRPC,
          grpc("shop.UserService", "GetUser", "GetPreferences", "Authenticate"),
          List.of(), List.of(POSTGRES_ORDERS, REDIS), List.of("verify-token")),
      "recommendation", new Service("recommendation", Protocol.GRPC,
          grpc("shop.RecommendationService", "ListRecommendations", "ScoreProducts", "RecordView"),
          List.of(new Call("inventory", Protocol.GRPC)), List.of(REDIS), List.of("rank-candidates")),
      "notification", new Service("notification", Protocol.GRPC,
          grpc("shop.NotificationService", "SendEmail", "SendSms", "Enqueue"),
          List.of(), List.of(REDIS), List.of("render-email")),
      "currency", new Service("currency", Protocol.GRPC,
          grpc("shop.CurrencyService", "Convert", "GetRates", "ListCurrencies"),
          List.of(), List.of(REDIS), List.of()));

  private Topology() {}

  private static List<Operation> ops(String... routes) {
    return java.util.Arrays.stream(routes).map(r -> new Operation(r, r.substring(r.indexOf(' ') + 1))).toList();
  }

  private static List<Operation> grpc(String service, String... methods) {
    return java.util.Arrays.stream(methods).map(m -> new Operation(service + "/" + m, m)).toList();
  }
}
