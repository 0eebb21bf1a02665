
À
É

env
dev

	host.name
vm
 
telemetry.sdk.language
rust

service.version	
0.169.0

service.name

codex_exec
%
telemetry.sdk.name
opentelemetry
!
telemetry.sdk.version
0.31.0r

codex_otel::metrics::clientQDEBUG*
flushing OTEL metricsYÒÝþŸïïb$event otel/src/metrics/client.rs:324