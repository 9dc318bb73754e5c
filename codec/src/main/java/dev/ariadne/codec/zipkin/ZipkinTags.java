package dev.ariadne.codec.zipkin;

import java.util.Set;

/**
 * The tag keys through which the OpenTelemetry Collector's Zipkin translator (zipkinv2 in
 * opentelemetry-collector-contrib) carries OTel fields that Zipkin has no field for. Both directions
 * use them, so a span that goes through Zipkin and back keeps them.
 */
final class ZipkinTags {
  static final String PEER_SERVICE = "peer.service";
  static final String NET_PEER_IP = "net.peer.ip";
  static final String NET_PEER_PORT = "net.peer.port";
  static final String NET_HOST_IP = "net.host.ip";
  static final String NET_HOST_PORT = "net.host.port";

  static final String ERROR = "error";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String SPAN_KIND = "span.kind";
  static final String TRACE_STATE = "w3c.tracestate";

  static final String SCOPE_NAME = "otel.scope.name";
  static final String SCOPE_VERSION = "otel.scope.version";
  /** The names the collector's translator still reads and writes for the scope. */
  static final String LIBRARY_NAME = "otel.library.name";
  static final String LIBRARY_VERSION = "otel.library.version";

  /** Names the resource attribute the local service name came from, when not service.name. */
  static final String SERVICE_NAME_SOURCE = "otlp.service.name.source";
  /** Set on spans that had no Zipkin timestamp; their start is then the epoch. */
  static final String START_TIME_ABSENT = "otel.zipkin.absentField.startTime";
  /** Zipkin's shared and debug flags, kept as boolean attributes (the translator drops them). */
  static final String SHARED = "zipkin.shared";
  static final String DEBUG = "zipkin.debug";
  /** Links travel as otlp.link.0, otlp.link.1, …: "traceId|spanId|traceState|attributes JSON|dropped". */
  static final String LINK_PREFIX = "otlp.link.";
  static final int MAX_LINKS = 128;

  /**
   * Tags that belong to the resource rather than the span: the resource semantic conventions the
   * translator knows (semconv 1.6.1), process.pid and the OpenCensus resource keys. service.name is
   * not among them here: the local endpoint names the service.
   */
  static final Set<String> RESOURCE_KEYS = Set.of(
      "cloud.provider", "cloud.account.id", "cloud.region", "cloud.availability_zone", "cloud.platform",
      "aws.ecs.container.arn", "aws.ecs.cluster.arn", "aws.ecs.launchtype", "aws.ecs.task.arn",
      "aws.ecs.task.family", "aws.ecs.task.revision", "aws.eks.cluster.arn", "aws.log.group.names",
      "aws.log.group.arns", "aws.log.stream.names", "aws.log.stream.arns",
      "container.name", "container.id", "container.runtime", "container.image.name", "container.image.tag",
      "deployment.environment",
      "device.id", "device.model.identifier", "device.model.name", "device.manufacturer",
      "faas.name", "faas.id", "faas.version", "faas.instance", "faas.max_memory",
      "host.id", "host.name", "host.type", "host.arch", "host.image.name", "host.image.id",
      "host.image.version",
      "k8s.cluster.name", "k8s.node.name", "k8s.node.uid", "k8s.namespace.name", "k8s.pod.uid",
      "k8s.pod.name", "k8s.container.name", "k8s.container.restart_count", "k8s.replicaset.uid",
      "k8s.replicaset.name", "k8s.deployment.uid", "k8s.deployment.name", "k8s.statefulset.uid",
      "k8s.statefulset.name", "k8s.daemonset.uid", "k8s.daemonset.name", "k8s.job.uid", "k8s.job.name",
      "k8s.cronjob.uid", "k8s.cronjob.name",
      "os.type", "os.description", "os.name", "os.version",
      "process.pid", "process.executable.name", "process.executable.path", "process.command",
      "process.command_line", "process.command_args", "process.owner", "process.runtime.name",
      "process.runtime.version", "process.runtime.description",
      "service.namespace", "service.instance.id", "service.version",
      "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version", "telemetry.auto.version",
      "webengine.name", "webengine.version", "webengine.description",
      "opencensus.starttime", "opencensus.exporterversion", "opencensus.resourcetype");

  private ZipkinTags() {}
}
